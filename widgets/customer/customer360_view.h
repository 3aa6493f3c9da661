#pragma once
// The customer 360 view: profile card (masked by the server per role), flags, consents,
// products, open cases and a timeline of interactions with their notes (more on scroll); edit
// with validation; manual search by name or phone; click-to-dial. During a ringing call it is
// the screen pop: one match → that customer, several → a chooser, none → a new-customer form
// prefilled with the caller's number. Bound to ClientSession's Customer360Model.
#include <QWidget>

#include "crm/session/client_session.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace agentdesk::widgets {

class CustomerChooser;
class CustomerEditor;
class CustomerForm;
class CustomerSearch;
class OpenCasesView;
class ProductsTable;
class ProfileCard;
class SearchResultsPage;
class TimelineView;

class Customer360View : public QWidget {
    Q_OBJECT
public:
    // What the view shows (for the app's status and for tests).
    enum class Page { Empty, Loading, Error, Profile, Chooser, Form, SearchResults };

    explicit Customer360View(crm::ClientSession& session, QWidget* parent = nullptr);
    ~Customer360View() override;

    // The screen pop for an offered call (called while the phone rings).
    void popFor(const crm::Call& call);
    void focusSearch();
    void setOnline(bool online);
    QString currentCustomerId() const;

    // Manual search, as if typed into the search box and confirmed.
    void search(const QString& query);
    // Puts text into the search box, focused, without searching (the page on screen stays).
    void prefillSearch(const QString& text);
    // The new-customer form (empty, or with a number filled in).
    void showNewCustomerForm(const QString& phone = {});
    // The edit form for the customer on screen.
    void editCurrentCustomer();
    Page page() const;
    bool online() const { return online_; }

signals:
    // The customer on screen changed (empty: none); the note editor files notes under it.
    void customerShown(const QString& customerId);
    // "Edit" on a note in the timeline.
    void editNoteRequested(const agentdesk::crm::Note& note);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildProfilePage();
    QWidget* buildStatusPage(QLabel*& label, QPushButton** button, const char* name);
    void retranslate();
    void showPage(Page page);
    void setShown(const QString& customerId);
    void onLoading(const QString& customerId);
    void onLoaded(const crm::Customer360& customer, bool fromCache);
    void onFailed(const QString& customerId, const crm::ApiError& error);
    // Runs the posted layout requests now (all levels), not on the event loop's next passes.
    void layOutNow();
    void requestMoreInteractions();
    void maybeLoadMoreOnScroll();
    void dial(const QString& number, const QString& phoneId);
    void submitForm(const crm::CustomerDraft& draft);
    void leaveForm();
    void updateEnabled();
    void updateOfflineBanner();

    crm::ClientSession& session_;
    crm::Customer360Model& model_;
    CustomerEditor* editor_;
    CustomerSearch* searcher_;
    bool online_ = true;
    QString shownId_;
    Page returnPage_ = Page::Empty;
    crm::ApiError lastError_;

    QLineEdit* searchEdit_;
    QPushButton* searchButton_;
    QPushButton* newCustomerButton_;
    QLabel* offlineBanner_;
    QStackedWidget* stack_;
    QLabel* emptyLabel_;
    QLabel* loadingLabel_;
    QTimer* loadingPageTimer_;
    QLabel* errorLabel_;
    QPushButton* retryButton_;
    QScrollArea* profileScroll_;
    ProfileCard* profile_;
    QLabel* productsTitle_;
    ProductsTable* products_;
    QLabel* casesTitle_;
    OpenCasesView* cases_;
    QLabel* timelineTitle_;
    TimelineView* timeline_;
    CustomerChooser* chooser_;
    QScrollArea* formScroll_;
    CustomerForm* form_;
    SearchResultsPage* results_;
};

}  // namespace agentdesk::widgets
