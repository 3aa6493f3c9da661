#include "widgets/customer/products_table.h"

#include <QEvent>
#include <QHeaderView>

#include "widgets/customer/customer_texts.h"

namespace agentdesk::widgets {

namespace {
enum Column { Kind, Name, Number, Status, Fee, ColumnCount };
}

ProductsTable::ProductsTable(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("productsTable"));
    setColumnCount(ColumnCount);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setAlternatingRowColors(true);
    setShowGrid(false);
    verticalHeader()->hide();
    QHeaderView* h = horizontalHeader();
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(Name, QHeaderView::Stretch);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslate();
}

void ProductsTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

void ProductsTable::retranslate() {
    setHorizontalHeaderLabels(
        {tr("Kind"), tr("Product"), tr("Number"), tr("Status"), tr("Monthly fee")});
    setAccessibleName(tr("Products"));
    render();
}

void ProductsTable::setProducts(const QList<crm::Product>& products) {
    products_ = products;
    render();
}

void ProductsTable::render() {
    setRowCount(products_.size());
    for (int row = 0; row < products_.size(); ++row) {
        const crm::Product& p = products_.at(row);
        auto set = [this, row](int column, const QString& text, Qt::Alignment align = {}) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            if (align)
                item->setTextAlignment(align | Qt::AlignVCenter);
            setItem(row, column, item);
        };
        set(Kind, CustomerTexts::productKind(p.kind));
        set(Name, p.name);
        set(Number, p.number);
        set(Status, CustomerTexts::productStatus(p.status));
        set(Fee, CustomerTexts::won(p.monthlyFee), Qt::AlignRight);
    }
    fitHeight();
}

void ProductsTable::fitHeight() {
    resizeRowsToContents();
    int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    setFixedHeight(height);
}

}  // namespace agentdesk::widgets
