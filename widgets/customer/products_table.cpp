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
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
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
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        rowHeight_ = 0;  // measured again
        fitHeight();
    }
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
    // The cells are kept and their texts replaced: a new item per cell was most of the table's
    // share of a screen pop.
    if (rowCount() != products_.size())
        setRowCount(products_.size());
    for (int row = 0; row < products_.size(); ++row) {
        const crm::Product& p = products_.at(row);
        auto set = [this, row](int column, const QString& text, Qt::Alignment align = {}) {
            QTableWidgetItem* cell = item(row, column);
            if (!cell) {
                cell = new QTableWidgetItem;
                if (align)
                    cell->setTextAlignment(align | Qt::AlignVCenter);
                setItem(row, column, cell);
            }
            if (cell->text() != text) {
                cell->setText(text);
                cell->setToolTip(text);
            }
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
    // One line per row (no wrapping): every row has the height of the first, measured once per
    // font, so the table's height is known without measuring each cell for each customer.
    if (rowHeight_ <= 0 && rowCount() > 0) {
        rowHeight_ = sizeHintForRow(0);
        verticalHeader()->setMinimumSectionSize(1);
        verticalHeader()->setDefaultSectionSize(rowHeight_);
        for (int row = 0; row < rowCount(); ++row)
            setRowHeight(row, rowHeight_);
    }
    const int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth() +
                       rowCount() * verticalHeader()->defaultSectionSize();
    if (height != this->height() || minimumHeight() != height)
        setFixedHeight(height);
}

}  // namespace agentdesk::widgets
