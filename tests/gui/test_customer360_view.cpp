// GUI tests of the customer 360 view (issue 5) against the test server: the screen pop (one
// match, several, none), the profile and history, new-customer and edit forms with client and
// server field errors, manual search, more on scroll, click-to-dial, offline and errors.
// Screenshots go to /tmp/customer-*.png.
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <catch2/catch.hpp>

#include "tests/gui/gui_fixture.h"
#include "widgets/customer/customer360_view.h"
#include "widgets/customer/customer_editor.h"
#include "widgets/customer/customer_form.h"
#include "widgets/customer/timeline_view.h"

using agentdesk::crm::CallPhase;
using agentdesk::test::GuiSession;
using agentdesk::test::waitUntil;
using agentdesk::widgets::Customer360View;
using agentdesk::widgets::CustomerForm;
using agentdesk::widgets::TimelineView;
using Page = agentdesk::widgets::Customer360View::Page;

namespace {

struct ViewTest {
    explicit ViewTest(QSize size = {750, 600}) {
        gui.login();
        view = std::make_unique<Customer360View>(gui.session());
        view->resize(size);
        view->show();
        REQUIRE(QTest::qWaitForWindowExposed(view.get()));
    }

    template <typename T = QWidget>
    T* child(const QString& name) const {
        auto* w = view->findChild<T*>(name);
        INFO(name.toStdString());
        REQUIRE(w);
        return w;
    }
    QString text(const char* name) const { return child<QLabel>(QLatin1String(name))->text(); }
    void click(const char* name) const {
        auto* button = child<QPushButton>(QLatin1String(name));
        REQUIRE(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }
    void waitPage(Page page) const {
        INFO("page " << static_cast<int>(view->page()));
        REQUIRE(waitUntil([&] { return view->page() == page; }));
    }
    void waitProfileOf(const QString& customerId) const {
        REQUIRE(waitUntil([&] {
            return view->page() == Page::Profile && view->currentCustomerId() == customerId;
        }));
    }
    void clickItem(QListWidget* list, int row) const {
        QListWidgetItem* item = list->item(row);
        REQUIRE(item);
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(item).center());
    }
    void grab(const QString& path) const {
        QCoreApplication::processEvents();
        REQUIRE(view->grab().save(path));
    }
    // A logged-in test-side client for checking what the server holds.
    agentdesk::test::HttpClient lead() { return gui.server().loggedIn("lead1"); }

    mutable GuiSession gui;
    std::unique_ptr<Customer360View> view;
};

}  // namespace

TEST_CASE("screen pop for an identified caller shows the profile and history", "[gui][customer]") {
    ViewTest t;
    QSignalSpy shown(t.view.get(), &Customer360View::customerShown);
    t.gui.goReady();
    t.gui.ringCall({{"customerId", "C00001"}, {"queue", "general"}, {"intent", "billing_inquiry"}});
    t.view->popFor(t.gui.session().call().call());
    t.waitProfileOf(QStringLiteral("C00001"));

    CHECK(t.text("customerNameLabel").contains(QStringLiteral("김민준")));
    CHECK(t.text("customerNumberLabel").contains(QStringLiteral("2019493425")));
    CHECK(t.text("residentNumberLabel") == QStringLiteral("850312-1******"));
    // The handling counselor sees the caller's number in full (docs/api.md 7.6).
    CHECK(t.text("phoneNumberLabel_1").contains(QStringLiteral("010-1234-5678")));
    CHECK(t.child<QLabel>(QStringLiteral("vipChip"))->isVisible());
    CHECK(t.child<QLabel>(QStringLiteral("consentChip_sms"))->text().contains(QStringLiteral("✓")));
    auto* products = t.child<QTableWidget>(QStringLiteral("productsTable"));
    REQUIRE(products->rowCount() == 3);
    QStringList fees;
    for (int r = 0; r < products->rowCount(); ++r)
        fees << products->item(r, 4)->text();
    CHECK(fees.contains(QStringLiteral("₩1,017,000")));
    auto* timeline = t.child<TimelineView>(QStringLiteral("timelineView"));
    CHECK(timeline->count() > 0);
    CHECK(t.view->findChildren<QLabel*>(QStringLiteral("noteText")).size() > 0);
    REQUIRE(shown.size() == 1);
    CHECK(shown.first().first().toString() == QStringLiteral("C00001"));
    // Ringing: no click-to-dial while a call is in progress.
    CHECK_FALSE(t.child<QPushButton>(QStringLiteral("dialButton_1"))->isEnabled());

    t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-pop-750x600.png")));
    t.view->resize(1050, 950);
    t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-pop-1050x950.png")));
    t.view->resize(620, 300);
    t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-pop-620x300.png")));
}

TEST_CASE("a number shared by several customers pops the chooser", "[gui][customer]") {
    ViewTest t;
    QSignalSpy shown(t.view.get(), &Customer360View::customerShown);
    t.gui.goReady();
    t.gui.ringCall({{"phone", "02-555-1234"}, {"queue", "general"}});
    const auto& call = t.gui.session().call().call();
    REQUIRE(call.customerId.isEmpty());
    REQUIRE(call.customerMatches.size() == 2);
    t.view->popFor(call);
    t.waitPage(Page::Chooser);
    auto* list = t.child<QListWidget>(QStringLiteral("customerChooserList"));
    REQUIRE(list->count() == 2);
    QStringList names;
    for (int i = 0; i < list->count(); ++i)
        names << list->item(i)->text();
    CHECK(names.join(QLatin1Char('|')).contains(QStringLiteral("이서연")));
    CHECK(names.join(QLatin1Char('|')).contains(QStringLiteral("이준호")));
    CHECK(t.view->currentCustomerId().isEmpty());
    t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-chooser-750x600.png")));

    SECTION("a click shows the chosen customer") {
        const QString id = list->item(1)->data(Qt::UserRole).toString();
        t.clickItem(list, 1);
        t.waitProfileOf(id);
        const QString name = list->item(1)->text().section(QLatin1Char(' '), 0, 0);
        CHECK(t.text("customerNameLabel").contains(name));
        // Every candidate of a shared number is shown in full to the handling counselor.
        bool sharedNumberShown = false;
        for (QLabel* l : t.view->findChildren<QLabel*>()) {
            if (l->objectName().startsWith(QLatin1String("phoneNumberLabel_")) &&
                l->text().contains(QStringLiteral("02-555-1234")))
                sharedNumberShown = true;
        }
        CHECK(sharedNumberShown);
        CHECK(shown.last().first().toString() == id);
    }
    SECTION("Enter shows the selected customer") {
        list->setFocus();
        list->setCurrentRow(0);
        const QString id = list->item(0)->data(Qt::UserRole).toString();
        QTest::keyClick(list, Qt::Key_Return);
        t.waitProfileOf(id);
    }
}

TEST_CASE("an unknown number pops a prefilled new-customer form that creates the customer",
          "[gui][customer]") {
    ViewTest t;
    t.gui.goReady();
    t.gui.ringCall({{"phone", "010-9876-1234"}, {"queue", "general"}});
    REQUIRE(t.gui.session().call().call().customerMatches.isEmpty());
    t.view->popFor(t.gui.session().call().call());
    t.waitPage(Page::Form);
    auto* form = t.child<CustomerForm>(QStringLiteral("customerForm"));
    CHECK(form->mode() == CustomerForm::Mode::Create);
    CHECK(form->phoneEdit(0)->text() == QStringLiteral("010-9876-1234"));
    CHECK(form->phoneEdit(1) == nullptr);
    CHECK(t.child<QLineEdit>(QStringLiteral("phoneEdit_0"))->text() ==
          QStringLiteral("010-9876-1234"));
    t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-new-750x600.png")));
    const auto before = t.lead().get("/api/v1/customers?phone=01098761234").json();
    REQUIRE(before.is_array());
    REQUIRE(before.empty());

    SECTION("submitting creates it on the server and shows it") {
        form->nameEdit()->setText(QStringLiteral("박새롬"));  // keyClicks types ASCII only
        QTest::keyClicks(form->emailEdit(), QStringLiteral("saerom.park@example.com"));
        t.click("saveCustomerButton");
        REQUIRE(waitUntil([&] {
            return t.view->page() == Page::Profile && !t.view->currentCustomerId().isEmpty();
        }));
        CHECK(t.text("customerNameLabel").contains(QStringLiteral("박새롬")));
        // The caller's own number, in full: the new customer has the caller's number.
        bool numberShown = false;
        for (QLabel* l : t.view->findChildren<QLabel*>()) {
            if (l->objectName().startsWith(QLatin1String("phoneNumberLabel_")) &&
                l->text().contains(QStringLiteral("010-9876-1234")))
                numberShown = true;
        }
        CHECK(numberShown);
        const auto after = t.lead().get("/api/v1/customers?phone=01098761234").json();
        REQUIRE(after.size() == 1);
        CHECK(after[0]["name"] == "박새롬");
        CHECK(after[0]["email"] == "saerom.park@example.com");
        CHECK(QString::fromStdString(after[0]["id"].get<std::string>()) ==
              t.view->currentCustomerId());
    }
    SECTION("an invalid e-mail is shown next to the field and nothing is created") {
        form->nameEdit()->setText(QStringLiteral("박새롬"));  // keyClicks types ASCII only
        QTest::keyClicks(form->emailEdit(), QStringLiteral("saerom.park-at-example"));
        t.click("saveCustomerButton");
        agentdesk::test::processEventsFor(std::chrono::milliseconds(300));
        CHECK(t.view->page() == Page::Form);
        CHECK_FALSE(form->errorFor(QStringLiteral("email")).isEmpty());
        CHECK(t.child<QLabel>(QStringLiteral("emailError"))->isVisible());
        CHECK(t.lead().get("/api/v1/customers?phone=01098761234").json().empty());
        t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-new-error-750x600.png")));
    }
    SECTION("a number that is not Korean is refused before sending") {
        form->nameEdit()->setText(QStringLiteral("박새롬"));  // keyClicks types ASCII only
        form->phoneEdit(0)->setText(QStringLiteral("12345"));
        t.click("saveCustomerButton");
        CHECK_FALSE(form->errorFor(QStringLiteral("phones[0].number")).isEmpty());
        CHECK(t.view->page() == Page::Form);
    }
}

TEST_CASE("the server's 422 field errors reach the fields", "[gui][customer]") {
    ViewTest t;
    agentdesk::widgets::CustomerEditor editor(t.gui.session().api());
    agentdesk::widgets::FieldErrors fields;
    bool failed = false;
    QObject::connect(
        &editor, &agentdesk::widgets::CustomerEditor::failed,
        [&](const agentdesk::crm::ApiError& error, const agentdesk::widgets::FieldErrors& f) {
            CHECK(error.httpStatus == 422);
            fields = f;
            failed = true;
        });
    // What the form would never send (its own checks catch it): the server's answer to it.
    agentdesk::crm::CustomerDraft draft;
    draft.name = agentdesk::crm::DraftText::of(QStringLiteral("홍길동"));
    draft.email = agentdesk::crm::DraftText::of(QStringLiteral("not-an-address"));
    draft.phones = QList<agentdesk::crm::CustomerPhoneDraft>{
        {QStringLiteral("010-1111-2222"), QStringLiteral("mobile"), true},
        {QStringLiteral("01011112222"), QStringLiteral("mobile"), false}};
    editor.create(draft);
    REQUIRE(waitUntil([&] { return failed; }));
    CHECK(fields.contains(QStringLiteral("email")));
    CHECK(fields.contains(QStringLiteral("phones[1].number")));

    t.view->showNewCustomerForm(QStringLiteral("010-1111-2222"));
    auto* form = t.child<CustomerForm>(QStringLiteral("customerForm"));
    form->showErrors(fields, QStringLiteral("Some fields are not valid"));
    CHECK(form->errorFor(QStringLiteral("email")) ==
          QStringLiteral("Not an e-mail address (name@example.com)."));
    CHECK(t.child<QLabel>(QStringLiteral("customerFormError"))->isVisible());
}

TEST_CASE("editing a customer saves the change and shows it", "[gui][customer]") {
    ViewTest t;
    t.gui.session().customer().load(QStringLiteral("C00001"));
    t.waitProfileOf(QStringLiteral("C00001"));
    t.click("editCustomerButton");
    t.waitPage(Page::Form);
    auto* form = t.child<CustomerForm>(QStringLiteral("customerForm"));
    CHECK(form->mode() == CustomerForm::Mode::Edit);
    CHECK(form->nameEdit()->text() == QStringLiteral("김민준"));

    SECTION("a valid change is saved") {
        form->emailEdit()->setText(QStringLiteral("minjun.new@example.com"));
        t.click("saveCustomerButton");
        REQUIRE(waitUntil([&] {
            return t.view->page() == Page::Profile &&
                   t.text("emailLabel") == QStringLiteral("minjun.new@example.com");
        }));
        const auto server = t.lead().get("/api/v1/customers/C00001/360").json();
        CHECK(server["customer"]["email"] == "minjun.new@example.com");
        CHECK(server["customer"]["name"] == "김민준");
    }
    SECTION("an invalid e-mail stays in the form and the server keeps the old one") {
        form->emailEdit()->setText(QStringLiteral("minjun@"));
        t.click("saveCustomerButton");
        CHECK(t.view->page() == Page::Form);
        CHECK_FALSE(form->errorFor(QStringLiteral("email")).isEmpty());
        const auto server = t.lead().get("/api/v1/customers/C00001/360").json();
        CHECK(server["customer"]["email"] == "minjun.kim@naver.com");
        t.click("cancelCustomerButton");
        t.waitProfileOf(QStringLiteral("C00001"));
    }
}

TEST_CASE("manual search finds customers by name and by phone", "[gui][customer]") {
    ViewTest t;
    QSignalSpy shown(t.view.get(), &Customer360View::customerShown);
    t.view->focusSearch();
    auto* edit = t.child<QLineEdit>(QStringLiteral("customerSearchEdit"));
    CHECK(edit->hasFocus());
    auto* list = t.child<QListWidget>(QStringLiteral("searchResultsList"));

    SECTION("by name") {
        edit->setText(QStringLiteral("김민준"));  // keyClicks types ASCII only
        QTest::keyClick(edit, Qt::Key_Return);
        t.waitPage(Page::SearchResults);
        REQUIRE(waitUntil([&] { return list->count() > 0; }));
        int row = -1;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String("C00001"))
                row = i;
        }
        REQUIRE(row >= 0);
        CHECK(list->item(row)->text().contains(QStringLiteral("김민준")));
        // Lists always show masked numbers.
        CHECK(list->item(row)->text().contains(QStringLiteral("010-****-5678")));
        t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-search-750x600.png")));
        t.clickItem(list, row);
        t.waitProfileOf(QStringLiteral("C00001"));
        CHECK(t.text("customerNameLabel").contains(QStringLiteral("김민준")));
        CHECK(shown.last().first().toString() == QStringLiteral("C00001"));
        // Not the handling counselor: the profile's numbers are masked too.
        CHECK(t.text("phoneNumberLabel_1").contains(QStringLiteral("010-****-5678")));
    }
    SECTION("by phone") {
        QTest::keyClicks(edit, QStringLiteral("02-555-1234"));
        t.click("customerSearchButton");
        REQUIRE(waitUntil([&] { return list->count() == 2; }));
    }
    SECTION("nothing found says so") {
        t.view->search(QStringLiteral("없는이름없는이름"));
        REQUIRE(waitUntil([&] {
            return t.text("searchStatusLabel").contains(QStringLiteral("No customer found"));
        }));
        CHECK(list->count() == 0);
    }
}

TEST_CASE("scrolling to the end of the history appends older interactions", "[gui][customer]") {
    ViewTest t;
    // C00006 has 8 contacts in the demo data; 20 memos make 28, more than one page of 20.
    auto counselor = t.gui.server().loggedIn("counselor2");
    for (int i = 0; i < 20; ++i) {
        t.gui.server().advanceSec(60);  // distinct times: pages are cut by startedAt
        const auto r =
            counselor.post("/api/v1/notes", {{"idempotencyKey", "scroll-memo-" + std::to_string(i)},
                                             {"customerId", "C00006"},
                                             {"wrapupCode", "GENERAL_INQUIRY"},
                                             {"text", "메모 " + std::to_string(i)}});
        REQUIRE(r.status == 201);
    }
    t.gui.session().customer().load(QStringLiteral("C00006"));
    t.waitProfileOf(QStringLiteral("C00006"));
    auto* timeline = t.child<TimelineView>(QStringLiteral("timelineView"));
    REQUIRE(timeline->count() == 20);
    REQUIRE(timeline->hasMore());
    auto* scroll = t.child<QScrollArea>(QStringLiteral("customerScrollArea"));
    QScrollBar* bar = scroll->verticalScrollBar();
    REQUIRE(waitUntil([&] { return bar->maximum() > 0; }));
    bar->setValue(bar->maximum() / 3);  // not yet at the end: nothing is fetched
    agentdesk::test::processEventsFor(std::chrono::milliseconds(200));
    CHECK(timeline->count() == 20);
    bar->setValue(bar->maximum());
    REQUIRE(waitUntil([&] { return timeline->count() == 28; }));
    CHECK_FALSE(timeline->hasMore());
    CHECK(t.gui.session().customer().customer().interactions.size() == 28);
    // The timeline builds entries after the paint: on a busy machine the last one comes a
    // little later.
    const QString last =
        "interaction_" + t.gui.session().customer().customer().interactions.last().id;
    CHECK(waitUntil([&] { return t.view->findChild<QWidget*>(last) != nullptr; }));
}

TEST_CASE("click-to-dial places an outbound call", "[gui][customer]") {
    ViewTest t;
    t.gui.session().customer().load(QStringLiteral("C00001"));
    t.waitProfileOf(QStringLiteral("C00001"));
    REQUIRE(t.gui.session().call().phase() == CallPhase::Idle);
    t.click("dialButton_1");
    REQUIRE(waitUntil([&] { return t.gui.session().call().phase() != CallPhase::Idle; }));
    CHECK(t.gui.session().call().call().direction == QStringLiteral("outbound"));
    CHECK(t.gui.session().call().call().customerId == QStringLiteral("C00001"));
    REQUIRE(waitUntil(
        [&] { return !t.child<QPushButton>(QStringLiteral("dialButton_1"))->isEnabled(); }));
}

TEST_CASE("offline: commands are disabled and a saved copy says so", "[gui][customer]") {
    ViewTest t;
    t.gui.session().customer().load(QStringLiteral("C00001"));
    t.waitProfileOf(QStringLiteral("C00001"));
    CHECK(t.child<QPushButton>(QStringLiteral("editCustomerButton"))->isEnabled());

    t.view->setOnline(false);
    CHECK_FALSE(t.child<QPushButton>(QStringLiteral("editCustomerButton"))->isEnabled());
    CHECK_FALSE(t.child<QPushButton>(QStringLiteral("dialButton_1"))->isEnabled());
    CHECK_FALSE(t.child<QPushButton>(QStringLiteral("newCustomerButton"))->isEnabled());

    // The server goes away: the model falls back to the copy it cached on the first load.
    t.gui.server().stopListening();
    t.gui.session().customer().load(QStringLiteral("C00001"));
    REQUIRE(waitUntil(
        [&] { return t.gui.session().customer().fromCache() && t.view->page() == Page::Profile; }));
    auto* banner = t.child<QLabel>(QStringLiteral("offlineBanner"));
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("offline")));
    CHECK(t.text("customerNameLabel").contains(QStringLiteral("김민준")));
    t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-offline-750x600.png")));
    t.gui.server().startListening();
    t.view->setOnline(true);
    // A copy from the cache is not edited: the edit needs the server's current version.
    CHECK_FALSE(t.child<QPushButton>(QStringLiteral("editCustomerButton"))->isEnabled());
}

TEST_CASE("a caller with an abusive history is flagged", "[gui][customer]") {
    ViewTest t({1050, 950});
    t.gui.session().customer().load(QStringLiteral("C00004"));
    t.waitProfileOf(QStringLiteral("C00004"));
    auto* abuse = t.child<QLabel>(QStringLiteral("abusiveChip"));
    CHECK(abuse->isVisible());
    CHECK(abuse->text().contains(QStringLiteral("Abusive history")));
    CHECK(t.text("customerNameLabel").contains(QStringLiteral("박지훈")));
    t.grab(agentdesk::test::screenshotPath(QStringLiteral("customer-abusive-1050x950.png")));
}

TEST_CASE("a failed load shows the error with a retry", "[gui][customer]") {
    ViewTest t;
    t.gui.session().customer().load(QStringLiteral("C99999"));
    t.waitPage(Page::Error);
    CHECK(t.text("errorPageLabel").contains(QStringLiteral("Not found")));
    CHECK(t.child<QPushButton>(QStringLiteral("retryButton"))->isVisible());
    t.click("retryButton");
    t.waitPage(Page::Error);
}

TEST_CASE("Edit on a note asks for the note editor", "[gui][customer]") {
    ViewTest t;
    QSignalSpy edit(t.view.get(), &Customer360View::editNoteRequested);
    t.gui.session().customer().load(QStringLiteral("C00001"));
    t.waitProfileOf(QStringLiteral("C00001"));
    const auto& interactions = t.gui.session().customer().customer().interactions;
    REQUIRE_FALSE(interactions.isEmpty());
    REQUIRE_FALSE(interactions.first().notes.isEmpty());
    const auto note = interactions.first().notes.first();
    t.click(qPrintable(QStringLiteral("editNoteButton_") + note.id));
    REQUIRE(edit.size() == 1);
    CHECK(edit.first().first().value<agentdesk::crm::Note>().id == note.id);
}
