// GUI tests for the knowledge panel (issue 5): search-as-you-type against the test server's demo
// knowledge base, highlighted snippets, intent suggestions, the article in Qt WebEngine (links
// between articles, insert into note, feedback), the locked-down profile, and offline.
#include <QAction>
#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>
#include <catch2/catch.hpp>

#include "tests/gui/gui_fixture.h"
#include "widgets/knowledge/article_html.h"
#include "widgets/knowledge/article_page.h"
#include "widgets/knowledge/article_request_filter.h"
#include "widgets/knowledge/article_scheme.h"
#include "widgets/knowledge/article_view.h"
#include "widgets/knowledge/hit_delegate.h"
#include "widgets/knowledge/hit_list_model.h"
#include "widgets/knowledge/knowledge_panel.h"
#include "widgets/knowledge/snippet_html.h"

using namespace std::chrono_literals;
using agentdesk::test::GuiSession;
using agentdesk::test::processEventsFor;
using agentdesk::test::waitUntil;
using agentdesk::widgets::ArticlePage;
using agentdesk::widgets::ArticleRequestFilter;
using agentdesk::widgets::ArticleView;
using agentdesk::widgets::HitDelegate;
using agentdesk::widgets::HitListModel;
using agentdesk::widgets::KnowledgePanel;

namespace {

using agentdesk::test::child;

QStringList shownIds(const KnowledgePanel& panel) {
    QStringList ids;
    for (const auto& hit : panel.hits().hits())
        ids << hit.id;
    return ids;
}

// Ids the server itself returns for a search (or an intent), asked as another user.
QStringList serverIds(GuiSession& gui, const std::string& query) {
    const auto client = gui.server().loggedIn("trainer1");
    const auto result = client.get("/api/v1/kb/search?" + query);
    REQUIRE(result.status == 200);
    QStringList ids;
    for (const auto& hit : result.json())
        ids << QString::fromStdString(hit["id"].get<std::string>());
    return ids;
}

nlohmann::json serverArticle(GuiSession& gui, const std::string& id) {
    const auto client = gui.server().loggedIn("trainer1");
    const auto result = client.get("/api/v1/kb/articles/" + id);
    REQUIRE(result.status == 200);
    return result.json();
}

void saveShot(QWidget& w, const QString& name) {
    processEventsFor(300ms);  // let WebEngine paint
    const QString path = agentdesk::test::screenshotPath(QStringLiteral("knowledge-%1-%2x%3.png"))
                             .arg(name)
                             .arg(w.width())
                             .arg(w.height());
    CHECK(w.grab().save(path));
}

// Waits until the panel shows the article `id`, loaded in the page.
bool waitArticle(KnowledgePanel& panel, const QString& id) {
    return waitUntil([&] {
        return panel.showingArticle() && panel.articleView()->articleId() == id &&
               panel.articleView()->loaded();
    });
}

QString pagePlainText(QWebEnginePage* page) {
    QString text;
    bool done = false;
    page->toPlainText([&](const QString& t) {
        text = t;
        done = true;
    });
    REQUIRE(waitUntil([&] { return done; }, 5s));
    return text;
}

// Pixels of the highlight colour in a grab of the results list.
int highlightPixels(QListView* list) {
    const QImage image = list->viewport()->grab().toImage();
    const QRgb mark = agentdesk::widgets::highlightColor().rgb();
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += (image.pixel(x, y) & 0xffffff) == (mark & 0xffffff);
    return n;
}

struct PanelFixture {
    GuiSession gui;
    std::unique_ptr<KnowledgePanel> panel;
    QLineEdit* box = nullptr;
    QListView* list = nullptr;
    QLabel* heading = nullptr;
    QLabel* status = nullptr;

    explicit PanelFixture(QSize size = {600, 380}) {
        gui.login();
        panel = std::make_unique<KnowledgePanel>(gui.session().knowledge());
        panel->resize(size);
        panel->show();
        box = child<QLineEdit>(*panel, "knowledgeSearchBox");
        list = child<QListView>(*panel, "knowledgeResults");
        heading = child<QLabel>(*panel, "knowledgeHeading");
        status = child<QLabel>(*panel, "knowledgeStatus");
    }
    ~PanelFixture() { panel.reset(); }

    // QTest::keyClicks asserts on characters outside Latin-1 (qasciikey.cpp), and Hangul comes
    // from an input method anyway: each syllable arrives as an input method commit.
    void type(const QString& text) {
        box->setFocus();
        for (const QChar c : text) {
            if (c.unicode() < 0x80) {
                QTest::keyClick(box, c.toLatin1());
            } else {
                QInputMethodEvent commit;
                commit.setCommitString(QString(c));
                QApplication::sendEvent(box, &commit);
            }
        }
    }
    void clearBox() {
        box->clear();
        REQUIRE(waitUntil([&] { return !gui.session().knowledge().busy(); }));
    }
    // Types a query and waits for its results on screen.
    void search(const QString& text) {
        box->clear();
        type(text);
        REQUIRE(waitUntil([&] { return heading->isVisible() && heading->text().contains(text); }));
    }
    void openFirstResult() {
        REQUIRE(panel->hits().rowCount() > 0);
        const QRect rect = list->visualRect(panel->hits().index(0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        REQUIRE(waitArticle(*panel, panel->hits().idAt(0)));
    }
};

}  // namespace

TEST_CASE("Knowledge panel: typing shows results with highlighted snippets", "[gui][knowledge]") {
    PanelFixture f;
    CHECK(f.status->isVisible());              // the hint before anything is typed
    CHECK(f.panel->articleView() == nullptr);  // WebEngine not started for a search

    f.type(QStringLiteral("환불"));
    REQUIRE(waitUntil([&] { return f.panel->hits().rowCount() > 0; }));
    CHECK(f.heading->text().contains(QStringLiteral("환불")));
    CHECK_FALSE(f.status->isVisible());
    CHECK(shownIds(*f.panel) == serverIds(f.gui, "q=" + agentdesk::test::urlEncode("환불")));

    // The snippet as sent marks the match; the rendered row shows it highlighted.
    const QModelIndex first = f.panel->hits().index(0);
    const QString snippet = first.data(HitListModel::SnippetHtmlRole).toString();
    INFO(snippet.toStdString());
    REQUIRE(snippet.contains(QStringLiteral("<mark>")));
    QStyleOptionViewItem option;
    option.initFrom(f.list->viewport());
    option.rect = f.list->visualRect(first);
    option.font = f.list->font();
    QTextDocument doc;
    HitDelegate::layoutDocument(doc, option, first, false);
    QStringList highlighted;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().background().color() ==
                agentdesk::widgets::highlightColor())
                highlighted << it.fragment().text();
        }
    }
    INFO(highlighted.join(QLatin1Char('|')).toStdString());
    CHECK(highlighted.join(QString()).contains(QStringLiteral("환불")));
    CHECK(doc.toPlainText().contains(first.data(HitListModel::TitleRole).toString()));
    CHECK_FALSE(doc.toPlainText().contains(QStringLiteral("<mark>")));
    CHECK(highlightPixels(f.list) > 50);  // really painted in the list
    saveShot(*f.panel, QStringLiteral("results"));

    // Nothing matches: a clear message with the query.
    f.box->clear();
    f.type(QStringLiteral("zqxj없는말"));
    REQUIRE(waitUntil([&] { return f.status->text().contains(QStringLiteral("zqxj")); }));
    CHECK(f.panel->hits().rowCount() == 0);
    CHECK(f.status->text().contains(QStringLiteral("zqxj없는말")));
    CHECK(f.status->text().contains(QStringLiteral("No articles")));
}

TEST_CASE("Knowledge panel: snippets keep only the server's marks as markup", "[gui][knowledge]") {
    using agentdesk::widgets::safeSnippetHtml;
    const QString hostile = QStringLiteral(
        "&lt;b&gt;1 &amp; 2 <img src=\"http://evil.example/x.png\"><a href=\"x\">link</a> "
        "<mark>환불</mark> <MARK>요청</MARK><script>alert(1)</script>");
    const QString safe = safeSnippetHtml(hostile);
    INFO(safe.toStdString());
    CHECK_FALSE(safe.contains(QStringLiteral("<img")));
    CHECK_FALSE(safe.contains(QStringLiteral("<a ")));
    CHECK_FALSE(safe.contains(QStringLiteral("<script")));
    QTextDocument doc;
    doc.setHtml(safe);
    // Foreign markup is shown as the text it is; the server's escapes stay escapes.
    CHECK(doc.toPlainText().contains(QStringLiteral("<img src=\"http://evil.example/x.png\">")));
    CHECK(doc.toPlainText().contains(QStringLiteral("<b>1 & 2")));
    CHECK(doc.toPlainText().contains(QStringLiteral("환불 요청")));
    CHECK(doc.allFormats().size() > 0);
    // A title is text, never markup.
    const QString rich = agentdesk::widgets::hitRichText(
        QStringLiteral("<i>제목</i>"), QStringLiteral("<mark>x</mark>"), Qt::black, Qt::gray);
    CHECK(rich.contains(QStringLiteral("&lt;i&gt;제목")));
}

TEST_CASE("Knowledge panel: fast typing shows only the last query's results", "[gui][knowledge]") {
    PanelFixture f;
    auto& search = f.gui.session().knowledge();
    QStringList answered;
    QObject::connect(&search, &agentdesk::crm::KnowledgeSearch::resultsReady,
                     [&](const QString& q, const QList<agentdesk::crm::KbHit>&) { answered << q; });
    const QString last = QStringLiteral("카드 분실");
    const QStringList expected = serverIds(f.gui, "q=" + agentdesk::test::urlEncode("카드 분실"));
    REQUIRE_FALSE(expected.isEmpty());

    // "카", "카드", "카드 분실" typed within the typing pause: one request, for the last.
    const int startedBefore = search.startedSearches();
    f.type(QStringLiteral("카"));
    f.type(QStringLiteral("드"));
    f.type(QStringLiteral(" 분실"));
    REQUIRE(waitUntil([&] { return f.heading->text().contains(last); }));
    processEventsFor(500ms);  // nothing else arrives
    CHECK(answered == QStringList{last});
    CHECK(search.startedSearches() == startedBefore + 1);
    CHECK(shownIds(f.panel.operator*()) == expected);

    // The same with Enter after each step: each request is sent and then superseded (its
    // answer never reaches the screen), only the last one's hits are shown.
    f.clearBox();
    REQUIRE(waitUntil([&] { return f.panel->hits().rowCount() == 0; }));
    answered.clear();
    const int cancelledBefore = search.cancelledSearches();
    f.type(QStringLiteral("카"));
    QTest::keyClick(f.box, Qt::Key_Return);
    f.type(QStringLiteral("드"));
    QTest::keyClick(f.box, Qt::Key_Return);
    f.type(QStringLiteral(" 분실"));
    QTest::keyClick(f.box, Qt::Key_Return);
    CHECK(search.cancelledSearches() == cancelledBefore + 2);
    REQUIRE(waitUntil([&] { return f.heading->text().contains(last); }));
    processEventsFor(500ms);
    CHECK(answered == QStringList{last});
    CHECK(shownIds(*f.panel) == expected);
}

TEST_CASE("Knowledge panel: suggestions for the call's intent while the box is empty",
          "[gui][knowledge]") {
    PanelFixture f;
    const QStringList expected = serverIds(f.gui, "intent=card_lost&limit=5");
    REQUIRE_FALSE(expected.isEmpty());
    f.panel->suggestForIntent(QStringLiteral("card_lost"), QStringLiteral("카드 분실 신고"));
    REQUIRE(waitUntil([&] { return f.panel->hits().rowCount() > 0; }));
    CHECK(f.heading->isVisible());
    CHECK(f.heading->text() == QStringLiteral("Suggested for: 카드 분실 신고"));
    CHECK(shownIds(*f.panel) == expected);
    saveShot(*f.panel, QStringLiteral("suggestions"));

    // Typing replaces them with results; emptying the box brings them back.
    f.type(QStringLiteral("환불"));
    REQUIRE(waitUntil([&] { return f.heading->text().contains(QStringLiteral("환불")); }));
    CHECK(shownIds(*f.panel) != expected);
    f.box->clear();
    CHECK(f.heading->text() == QStringLiteral("Suggested for: 카드 분실 신고"));
    CHECK(shownIds(*f.panel) == expected);

    // The call is over: no suggestions.
    f.panel->suggestForIntent(QString(), QString());
    CHECK(f.panel->hits().rowCount() == 0);
    CHECK_FALSE(f.heading->isVisible());
}

TEST_CASE("Knowledge panel: an article opens in WebEngine and its links open articles",
          "[gui][knowledge]") {
    PanelFixture f;
    f.search(QStringLiteral("청구서 항목별 읽는 법"));
    REQUIRE(f.panel->hits().idAt(0) == QStringLiteral("kb-ko-001"));
    f.openFirstResult();
    ArticleView* view = f.panel->articleView();
    const auto article = serverArticle(f.gui, "kb-ko-001");
    const QString title = QString::fromStdString(article["title"].get<std::string>());
    CHECK(child<QLabel>(*view, "articleTitle")->text() == title);
    CHECK(child<QLabel>(*view, "articleMeta")->text().contains(QStringLiteral("#청구서")));
    CHECK_FALSE(child<QLabel>(*view, "articleMeta")->text().contains(QStringLiteral("billing_")));
    CHECK_FALSE(child<QLabel>(*view, "articleSavedCopy")->isVisible());
    CHECK(view->page()->url() == QUrl(QStringLiteral("agentdesk-kb://article/kb-ko-001")));
    const QString text = pagePlainText(view->page());
    CHECK(text.contains(QStringLiteral("청구서 구성")));
    CHECK(text.contains(QStringLiteral("월정액")));
    CHECK_FALSE(text.contains(QStringLiteral("<table")));  // HTML rendered, not shown as text
    saveShot(*f.panel, QStringLiteral("article"));
    {
        f.panel->resize(860, 480);  // the right column at 1920x1080
        saveShot(*f.panel, QStringLiteral("article"));
        f.panel->resize(620, 300);  // the smallest it must fit
        saveShot(*f.panel, QStringLiteral("article"));
        CHECK(view->webView()->height() >= 150);
        f.panel->resize(600, 380);
    }

    // The first link in kb-ko-001 goes to kb-ko-002 ("kb:kb-ko-002" in the body): focus it
    // from the keyboard and follow it, as a counselor would without a mouse.
    QWidget* content = view->webView()->focusProxy();
    REQUIRE(content);
    content->setFocus();
    QTest::keyClick(content, Qt::Key_Tab);
    processEventsFor(200ms);
    QTest::keyClick(content, Qt::Key_Return);
    REQUIRE(waitArticle(*f.panel, QStringLiteral("kb-ko-002")));
    const auto linked = serverArticle(f.gui, "kb-ko-002");
    CHECK(child<QLabel>(*view, "articleTitle")->text() ==
          QString::fromStdString(linked["title"].get<std::string>()));
    CHECK(view->page()->url() == QUrl(QStringLiteral("agentdesk-kb://article/kb-ko-002")));

    // Back returns to the results, still there.
    QTest::mouseClick(child<QToolButton>(*view, "articleBack"), Qt::LeftButton);
    CHECK_FALSE(f.panel->showingArticle());
    CHECK(f.panel->hits().idAt(0) == QStringLiteral("kb-ko-001"));
}

TEST_CASE("Knowledge panel: navigation decisions and the request filter", "[gui][knowledge]") {
    using D = ArticlePage::Decision;
    const auto link = QWebEnginePage::NavigationTypeLinkClicked;
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("kb:kb-ko-002")), link, true) == D::OpenArticle);
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("agentdesk-kb://article/kb-en-003")), link,
                              true) == D::OpenArticle);
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("https://example.com/")), link, true) ==
          D::Refuse);
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("http://example.com/")),
                              QWebEnginePage::NavigationTypeTyped, true) == D::Refuse);
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("mailto:a@b.kr")), link, true) == D::Refuse);
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("javascript:alert(1)")), link, true) ==
          D::Refuse);
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("data:text/html,x")),
                              QWebEnginePage::NavigationTypeTyped, true) == D::Load);
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("data:text/html,x")), link, true) ==
          D::Refuse);  // a link cannot swap the page for other content
    CHECK(ArticlePage::decide(QUrl(QStringLiteral("kb:kb-ko-002")), link, false) == D::Refuse);
    CHECK(agentdesk::widgets::articleIdFromUrl(QUrl(QStringLiteral("kb:../../etc"))).isEmpty());

    CHECK_FALSE(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("http://example.com/x.png"))));
    CHECK_FALSE(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("https://example.com/"))));
    CHECK_FALSE(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("file:///etc/passwd"))));
    CHECK_FALSE(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("ws://example.com/"))));
    CHECK_FALSE(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("ftp://example.com/"))));
    CHECK(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("data:image/png;base64,AAAA"))));
    CHECK(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("agentdesk-kb://article/kb-ko-1"))));
    CHECK(ArticleRequestFilter::isAllowed(QUrl(QStringLiteral("about:blank"))));

    // The stylesheet is compiled in and the document carries it and the CSP.
    agentdesk::crm::KbArticle a;
    a.id = QStringLiteral("x");
    a.title = QStringLiteral("<b>제목</b>");
    a.bodyHtml = QStringLiteral("<p>본문 %1</p>");
    const QString html = agentdesk::widgets::articleDocumentHtml(a);
    CHECK(html.contains(QStringLiteral("Noto Sans CJK KR")));
    CHECK(html.contains(QStringLiteral("default-src 'none'")));
    CHECK(html.contains(QStringLiteral("<p>본문 %1</p>")));
    CHECK(html.contains(QStringLiteral("&lt;b&gt;제목")));
}

TEST_CASE("Knowledge panel: the article's profile is locked down and blocks remote loads",
          "[gui][knowledge]") {
    PanelFixture f;
    f.panel->openArticle(QStringLiteral("kb-ko-001"));
    REQUIRE(waitArticle(*f.panel, QStringLiteral("kb-ko-001")));
    ArticleView* view = f.panel->articleView();
    QWebEngineProfile* profile = view->profile();
    CHECK(profile != QWebEngineProfile::defaultProfile());
    CHECK(profile->isOffTheRecord());
    CHECK(view->page()->profile() == profile);
    for (QWebEngineSettings* s : {profile->settings(), view->page()->settings()}) {
        CHECK_FALSE(s->testAttribute(QWebEngineSettings::JavascriptEnabled));
        CHECK_FALSE(s->testAttribute(QWebEngineSettings::PluginsEnabled));
        CHECK_FALSE(s->testAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls));
        CHECK_FALSE(s->testAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls));
    }

    // A page on the same profile cannot fetch from the (reachable) test server: the request
    // filter blocks http before it leaves. The same URL loads on a plain profile.
    const QUrl remote(QString::fromStdString(f.gui.server().url()) +
                      QStringLiteral("/api/v1/health"));
    auto loadOk = [&](QWebEngineProfile* p) {
        QWebEnginePage probe(p);
        std::optional<bool> ok;
        QObject::connect(&probe, &QWebEnginePage::loadFinished, [&](bool b) { ok = b; });
        probe.load(remote);
        REQUIRE(waitUntil([&] { return ok.has_value(); }));
        return *ok;
    };
    CHECK_FALSE(loadOk(profile));
    QWebEngineProfile plain;
    CHECK(loadOk(&plain));
}

TEST_CASE("Knowledge panel: insert into note and helpful feedback", "[gui][knowledge]") {
    PanelFixture f;
    QAction* insert = f.panel->findChild<QAction*>(QStringLiteral("insertSelection"));
    REQUIRE(insert);
    CHECK_FALSE(insert->isEnabled());  // no article yet
    QStringList inserted;
    QObject::connect(f.panel.get(), &KnowledgePanel::insertIntoNote,
                     [&](const QString& t) { inserted << t; });

    f.search(QStringLiteral("환불"));
    f.openFirstResult();
    ArticleView* view = f.panel->articleView();
    const QString id = view->articleId();
    CHECK(insert->isEnabled());

    // Nothing selected: the title goes into the note.
    insert->trigger();
    REQUIRE(inserted.size() == 1);
    CHECK(inserted.back() == view->article().title);

    // A selection goes in as plain text.
    view->webView()->setFocus();  // as the counselor's mouse would
    view->page()->triggerAction(QWebEnginePage::SelectAll);
    REQUIRE(waitUntil([&] { return !view->selectedText().isEmpty(); }, 5s));
    QTest::mouseClick(child<QToolButton>(*view, "insertSelectionButton"), Qt::LeftButton);
    REQUIRE(inserted.size() == 2);
    const QString body = pagePlainText(view->page());
    INFO(inserted.back().toStdString());
    CHECK(inserted.back().size() > 50);
    CHECK(body.contains(inserted.back().left(20)));
    CHECK_FALSE(inserted.back().contains(QStringLiteral("<p>")));

    // Helpful reaches the server, then thanks.
    const int before = serverArticle(f.gui, id.toStdString())["helpful"].get<int>();
    auto* helpful = child<QToolButton>(*view, "helpfulButton");
    REQUIRE(helpful->isVisible());
    REQUIRE(helpful->isEnabled());
    QTest::mouseClick(helpful, Qt::LeftButton);
    CHECK(child<QLabel>(*view, "feedbackThanks")->isVisible());
    CHECK_FALSE(helpful->isVisible());
    CHECK(waitUntil([&] {
        return serverArticle(f.gui, id.toStdString())["helpful"].get<int>() == before + 1;
    }));
    saveShot(*f.panel, QStringLiteral("feedback"));
}

TEST_CASE("Knowledge panel: offline, saved articles still open and feedback is off",
          "[gui][knowledge]") {
    PanelFixture f;
    f.panel->openArticle(QStringLiteral("kb-ko-002"));
    REQUIRE(waitArticle(*f.panel, QStringLiteral("kb-ko-002")));
    ArticleView* view = f.panel->articleView();
    CHECK_FALSE(view->fromCache());
    f.panel->focusSearch();
    CHECK_FALSE(f.panel->showingArticle());

    f.gui.server().stopListening();
    f.panel->setOnline(false);
    CHECK(child<QLabel>(*f.panel, "knowledgeOffline")->isVisible());

    // Search says it cannot reach the server, in the panel.
    f.type(QStringLiteral("환불"));
    REQUIRE(waitUntil(
        [&] {
            return f.status->isVisible() && !f.status->text().isEmpty() &&
                   f.status->text().contains(QStringLiteral("offline"));
        },
        15s));
    CHECK(f.panel->hits().rowCount() == 0);
    saveShot(*f.panel, QStringLiteral("offline"));

    // The article opened before comes from the saved copy, and says so.
    f.panel->openArticle(QStringLiteral("kb-ko-002"));
    REQUIRE(waitUntil([&] { return view->fromCache() && view->loaded(); }, 15s));
    CHECK(child<QLabel>(*view, "articleSavedCopy")->isVisible());
    CHECK_FALSE(child<QToolButton>(*view, "helpfulButton")->isEnabled());
    CHECK(pagePlainText(view->page()).contains(QStringLiteral("소액결제")));
    saveShot(*f.panel, QStringLiteral("saved-copy"));

    f.gui.server().startListening();
    f.panel->setOnline(true);
    CHECK(child<QToolButton>(*view, "helpfulButton")->isEnabled());
    CHECK_FALSE(child<QLabel>(*f.panel, "knowledgeOffline")->isVisible());
}

TEST_CASE("Knowledge panel: tables, lists and code in the stylesheet, link clicks by mouse",
          "[gui][knowledge]") {
    PanelFixture f;
    // A trainer writes an article with the elements the stylesheet styles; the server
    // sanitises it (the remote image goes, the links stay).
    const nlohmann::json input = {
        {"id", "kb-test-style"},
        {"title", "표·목록·코드가 있는 문서 (스타일 확인)"},
        {"lang", "ko"},
        {"tags", {"테스트", "billing_inquiry"}},
        {"body",
         "<p><a href=\"kb:kb-ko-001\">통신 요금 청구서 항목별 읽는 법 (관련 문서)</a></p>"
         "<p><a href=\"https://example.com/\">외부 사이트 https://example.com</a></p>"
         "<h3>요금 표</h3><table><thead><tr><th>항목</th><th>금액</th></tr></thead>"
         "<tbody><tr><td>월정액</td><td>69,000원</td></tr><tr><td>할인</td><td>-17,250원</td>"
         "</tr></tbody></table><ol><li>본인확인</li><li>청구 내역 확인<ul><li>소액결제</li>"
         "</ul></li></ol><p>메뉴 코드 <code>BILL-01</code>, 단축키 <kbd>F5</kbd></p>"
         "<pre><code>상담 메모: 청구서 재발송 요청</code></pre>"
         "<blockquote>고객님, 확인해 드리겠습니다.</blockquote>"
         "<img src=\"http://example.com/track.png\">"}};
    const auto trainer = f.gui.server().loggedIn("trainer1");
    const auto saved = trainer.post("/api/v1/kb/articles", input);
    INFO(saved.body);
    REQUIRE((saved.status == 201 || saved.status == 200));

    f.panel->openArticle(QStringLiteral("kb-test-style"));
    REQUIRE(waitArticle(*f.panel, QStringLiteral("kb-test-style")));
    ArticleView* view = f.panel->articleView();
    CHECK(child<QLabel>(*view, "articleMeta")->text().startsWith(QStringLiteral("#테스트")));
    const QString text = pagePlainText(view->page());
    CHECK(text.contains(QStringLiteral("69,000원")));
    CHECK(text.contains(QStringLiteral("BILL-01")));
    f.panel->resize(860, 480);
    saveShot(*f.panel, QStringLiteral("styled"));
    f.panel->resize(600, 380);
    processEventsFor(300ms);

    // The external link (second line) is refused and nothing navigates; the article link
    // (first line) opens kb-ko-001.
    QSignalSpy refused(view->page(), &ArticlePage::externalLinkRefused);
    QWidget* content = view->webView()->focusProxy();
    REQUIRE(content);
    QTest::mouseClick(content, Qt::LeftButton, {}, QPoint(40, 53));
    REQUIRE(waitUntil([&] { return refused.count() == 1; }, 5s));
    CHECK(refused.at(0).at(0).toUrl() == QUrl(QStringLiteral("https://example.com/")));
    CHECK(child<QLabel>(*view, "articleMessage")->isVisible());
    processEventsFor(300ms);
    CHECK(view->articleId() == QStringLiteral("kb-test-style"));
    CHECK(view->page()->url() == QUrl(QStringLiteral("agentdesk-kb://article/kb-test-style")));
    QTest::mouseClick(content, Qt::LeftButton, {}, QPoint(40, 22));
    REQUIRE(waitArticle(*f.panel, QStringLiteral("kb-ko-001")));
}
