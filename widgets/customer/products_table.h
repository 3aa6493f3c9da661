#pragma once
// The customer's products and contracts as a compact table (kind, name, number, status, monthly
// fee in won) that is as tall as its rows: the 360 page scrolls, not the table.
#include <QTableWidget>

#include "crm/model/customer.h"

namespace agentdesk::widgets {

class ProductsTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ProductsTable(QWidget* parent = nullptr);
    void setProducts(const QList<crm::Product>& products);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void render();
    void fitHeight();

    QList<crm::Product> products_;
    int rowHeight_ = 0;  // 0: not measured for this font yet
};

}  // namespace agentdesk::widgets
