<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>Connection</name>
    <message>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>재연결 중…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>세션 만료</translation>
    </message>
</context>
<context>
    <name>CustomerTexts</name>
    <message>
        <source>Card</source>
        <translation>카드</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>대출</translation>
    </message>
    <message>
        <source>Mobile plan</source>
        <translation>휴대폰 요금제</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>인터넷</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>보험</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>해지</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>case status</comment>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>case status</comment>
        <translation>처리 대기</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>case status</comment>
        <translation>종결</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>우선순위 높음</translation>
    </message>
    <message>
        <source>Normal priority</source>
        <translation>우선순위 보통</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>우선순위 낮음</translation>
    </message>
    <message>
        <source>Memo</source>
        <comment>a note written without a call</comment>
        <translation>메모</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>채팅</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <comment>발신</comment>
        <translation>발신 콜</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <comment>인입 콜</comment>
        <translation>인입 콜</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>처리 완료</translation>
    </message>
    <message>
        <source>Transferred</source>
        <comment>호전환</comment>
        <translation>호전환</translation>
    </message>
    <message>
        <source>Ended by agent (abuse)</source>
        <comment>상담원 선종료</comment>
        <translation>상담원 선종료(폭언)</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <comment>포기호</comment>
        <translation>포기호</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>휴대폰</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>자택</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>직장</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>phone label</comment>
        <translation>기타</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>마케팅</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>E-mail</source>
        <comment>consent to e-mail</comment>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Third parties</source>
        <comment>consent to share with third parties</comment>
        <translation>제3자 제공</translation>
    </message>
    <message>
        <source>Recording</source>
        <comment>consent to call recording</comment>
        <translation>통화 녹음</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>customer grade</comment>
        <translation>골드</translation>
    </message>
    <message>
        <source>Silver</source>
        <comment>customer grade</comment>
        <translation>실버</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>customer grade</comment>
        <translation>일반</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>필수 항목입니다.</translation>
    </message>
    <message>
        <source>Not an e-mail address (name@example.com).</source>
        <translation>이메일 주소 형식이 아닙니다(name@example.com).</translation>
    </message>
    <message>
        <source>Not a Korean phone number.</source>
        <translation>국내 전화번호 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>This number is listed twice.</source>
        <translation>중복된 번호입니다.</translation>
    </message>
    <message>
        <source>A past date as YYYY-MM-DD.</source>
        <translation>지난 날짜를 YYYY-MM-DD 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>Give 1 to 5 phone numbers.</source>
        <translation>전화번호를 1~5개 입력하세요.</translation>
    </message>
    <message>
        <source>Only one number can be primary.</source>
        <translation>기본 번호는 하나만 지정할 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot be left empty.</source>
        <translation>비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>너무 깁니다.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server&apos;s certificate could not be verified (TLS). Check the server address, or trust its CA in the settings.</source>
        <translation>서버 인증서를 확인할 수 없습니다(TLS). 서버 주소를 확인하거나 설정에서 해당 CA를 신뢰하도록 지정하세요.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again.</source>
        <translation>서버가 제시간에 응답하지 않았습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server name could not be found. Check the server address.</source>
        <translation>서버 이름을 찾을 수 없습니다. 서버 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>서버에 연결할 수 없습니다. 주소와 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand.</source>
        <translation>서버가 이 앱에서 처리할 수 없는 응답을 보냈습니다.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>아이디 또는 비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>Your session has expired. Log in again.</source>
        <translation>세션이 만료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>현재 권한으로는 이 작업을 할 수 없습니다.</translation>
    </message>
    <message>
        <source>Not found: it may have been removed or moved on.</source>
        <translation>찾을 수 없습니다. 삭제되었거나 이미 처리되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime.</source>
        <translation>그사이 다른 사용자가 이 항목을 변경했습니다.</translation>
    </message>
    <message>
        <source>Not possible right now: the call or your state has moved on.</source>
        <translation>지금은 할 수 없습니다. 통화 또는 상담사 상태가 이미 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Too large to send.</source>
        <translation>용량이 커서 전송할 수 없습니다.</translation>
    </message>
    <message>
        <source>Some fields are not valid; see the marked fields.</source>
        <translation>일부 항목이 올바르지 않습니다. 표시된 항목을 확인하세요.</translation>
    </message>
    <message>
        <source>Too many requests. Try again in a moment.</source>
        <translation>요청이 너무 많습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server had a problem (%1). Try again.</source>
        <translation>서버에 문제가 발생했습니다(%1). 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The request was refused (%1).</source>
        <translation>요청이 거부되었습니다(%1).</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 (customer)</source>
        <comment>honorific: 고객님 after the name in Korean</comment>
        <translation>%1 고객님</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Go ready</source>
        <translation>수신 대기로 전환</translation>
    </message>
    <message>
        <source>Go not ready</source>
        <translation>이석으로 전환</translation>
    </message>
    <message>
        <source>Answer the ringing call</source>
        <translation>수신 호 응답</translation>
    </message>
    <message>
        <source>Reject the ringing call</source>
        <translation>수신 호 거절</translation>
    </message>
    <message>
        <source>Hold / resume</source>
        <translation>보류 / 보류 해제</translation>
    </message>
    <message>
        <source>Mute / unmute</source>
        <translation>음소거 / 음소거 해제</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>호전환</translation>
    </message>
    <message>
        <source>Keypad (DTMF)</source>
        <translation>키패드(DTMF)</translation>
    </message>
    <message>
        <source>Pause / resume recording</source>
        <translation>녹음 일시정지 / 재개</translation>
    </message>
    <message>
        <source>Play the abuse warning</source>
        <translation>폭언 경고 멘트 재생</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>통화 종료</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>고객 검색</translation>
    </message>
    <message>
        <source>Search knowledge</source>
        <translation>지식 검색</translation>
    </message>
    <message>
        <source>Go to the note</source>
        <translation>상담 메모로 이동</translation>
    </message>
    <message>
        <source>Insert the article selection into the note</source>
        <translation>문서 선택 부분을 상담 메모에 삽입</translation>
    </message>
    <message>
        <source>Save the note and wrap up</source>
        <translation>상담 메모 저장 및 후처리 완료</translation>
    </message>
</context>
<context>
    <name>SoftphoneTexts</name>
    <message>
        <source>Not ready</source>
        <comment>agent state: 이석/준비 안 됨</comment>
        <translation>이석</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>agent state: 대기</comment>
        <translation>수신 대기</translation>
    </message>
    <message>
        <source>Ringing</source>
        <comment>agent state: 호 수신 중</comment>
        <translation>호 수신 중</translation>
    </message>
    <message>
        <source>On call</source>
        <comment>agent state: 통화 중</comment>
        <translation>통화 중</translation>
    </message>
    <message>
        <source>After-call work</source>
        <comment>agent state: 후처리</comment>
        <translation>후처리</translation>
    </message>
    <message>
        <source>Logged out</source>
        <comment>agent state: 로그아웃</comment>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message numerus="yes">
        <source>%n possible customers</source>
        <comment>several customers share the caller&apos;s number</comment>
        <translation>
            <numerusform>고객 후보 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <comment>no customer has the caller&apos;s number</comment>
        <translation>미등록 발신자</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>거절</translation>
    </message>
    <message>
        <source>Hold</source>
        <comment>보류</comment>
        <translation>보류</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>보류 해제</translation>
    </message>
    <message>
        <source>Mute</source>
        <comment>음소거</comment>
        <translation>음소거</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>통화 종료</translation>
    </message>
    <message>
        <source>Abuse warning</source>
        <comment>폭언 경고</comment>
        <translation>폭언 경고</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>호전환</comment>
        <translation>호전환</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>키패드</translation>
    </message>
    <message>
        <source>Recording pause</source>
        <comment>녹음 일시정지</comment>
        <translation>녹음 일시정지</translation>
    </message>
    <message>
        <source>Go ready</source>
        <translation>수신 대기 전환</translation>
    </message>
    <message>
        <source>Go not ready</source>
        <translation>이석 전환</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>발신</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::AppController</name>
    <message>
        <source>Demo contact center ready.</source>
        <translation>데모 콜센터가 준비되었습니다.</translation>
    </message>
    <message>
        <source>The demo contact center could not start: %1</source>
        <translation>데모 콜센터를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Starting the demo contact center…</source>
        <translation>데모 콜센터를 시작하는 중…</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::MainWindow</name>
    <message>
        <source>Notes waiting to be sent: %1</source>
        <translation>전송 대기 메모: %1건</translation>
    </message>
    <message>
        <source>All notes sent</source>
        <translation>모든 메모 전송 완료</translation>
    </message>
    <message>
        <source>AgentDesk — %1</source>
        <translation>AgentDesk — %1</translation>
    </message>
    <message>
        <source>&amp;AgentDesk</source>
        <translation>&amp;AgentDesk</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>고객 검색</translation>
    </message>
    <message>
        <source>Search knowledge</source>
        <translation>지식 검색</translation>
    </message>
    <message>
        <source>Go to the note</source>
        <translation>상담 메모로 이동</translation>
    </message>
    <message>
        <source>%1 (%2) · extension %3</source>
        <translation>%1 (%2) · 내선 %3</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::RingNotifier</name>
    <message>
        <source>Incoming call — %1</source>
        <translation>인입 콜 — %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ArticleView</name>
    <message>
        <source>Links outside the knowledge base are not opened here.</source>
        <translation>지식 베이스 외부 링크는 여기에서 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Opening the article…</source>
        <translation>문서를 여는 중…</translation>
    </message>
    <message>
        <source>Feedback needs the connection to the server.</source>
        <translation>피드백을 보내려면 서버에 연결되어 있어야 합니다.</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>수정일 %1</translation>
    </message>
    <message>
        <source>← Results</source>
        <comment>Back from an article to the search results</comment>
        <translation>← 검색 결과</translation>
    </message>
    <message>
        <source>Back to the search results (%1)</source>
        <translation>검색 결과로 돌아가기 (%1)</translation>
    </message>
    <message>
        <source>From saved copy</source>
        <comment>The article was opened from the local cache</comment>
        <translation>저장된 사본</translation>
    </message>
    <message>
        <source>The server could not be reached; this is the copy saved when the article was last opened.</source>
        <translation>서버에 연결할 수 없어 마지막으로 열었을 때 저장된 사본을 표시합니다.</translation>
    </message>
    <message>
        <source>Was this helpful?</source>
        <translation>도움이 되었나요?</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>도움이 됨</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>도움이 안 됨</translation>
    </message>
    <message>
        <source>Thanks for your feedback.</source>
        <translation>의견을 주셔서 감사합니다.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ConnectionBanner</name>
    <message>
        <source>Log in again</source>
        <translation>다시 로그인</translation>
    </message>
    <message>
        <source>Your session has expired. Your notes and drafts are kept; log in again to continue.</source>
        <translation>세션이 만료되었습니다. 상담 메모와 임시 저장 내용은 보존됩니다. 계속하려면 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>No connection to the server since %1. Showing saved data; notes are kept and sent when the connection returns. Still trying…</source>
        <translation>%1부터 서버에 연결되지 않습니다. 저장된 데이터를 표시합니다. 상담 메모는 보관했다가 연결되면 전송합니다. 계속 연결 시도 중…</translation>
    </message>
    <message>
        <source>Connection lost at %1. Reconnecting… Showing saved data; call commands are paused until it is back.</source>
        <translation>%1에 연결이 끊겼습니다. 재연결 중… 저장된 데이터를 표시하며, 연결될 때까지 통화 제어는 일시 중지됩니다.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ConnectionIndicator</name>
    <message>
        <source>Connection to the AgentDesk server</source>
        <translation>AgentDesk 서버 연결 상태</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::Customer360View</name>
    <message>
        <source>Search customers: name, phone or customer number</source>
        <translation>고객 검색: 이름, 전화번호 또는 고객번호</translation>
    </message>
    <message>
        <source>Name, phone number or customer number, then Enter</source>
        <translation>이름, 전화번호 또는 고객번호 입력 후 Enter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>신규 고객</translation>
    </message>
    <message>
        <source>No customer on screen.
A ringing call shows its caller here; or search by name, phone or customer number.</source>
        <translation>표시된 고객이 없습니다.
호가 수신되면 발신 고객이 여기에 표시됩니다. 이름, 전화번호 또는 고객번호로 검색할 수도 있습니다.</translation>
    </message>
    <message>
        <source>Loading customer…</source>
        <translation>고객 정보를 불러오는 중…</translation>
    </message>
    <message>
        <source>The customer could not be loaded.
%1</source>
        <translation>고객 정보를 불러올 수 없습니다.
%1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Products and contracts</source>
        <translation>상품 및 계약</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>진행 중인 문의</translation>
    </message>
    <message>
        <source>Contact history</source>
        <comment>상담 이력</comment>
        <translation>상담 이력</translation>
    </message>
    <message>
        <source>Not possible while offline</source>
        <translation>오프라인 상태에서는 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved copy from %1 — offline</source>
        <comment>the 360 view shows the locally cached customer</comment>
        <translation>%1 저장 사본 — 오프라인</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::CustomerChooser</name>
    <message>
        <source>%1 belongs to several customers</source>
        <translation>%1 번호를 사용하는 고객이 여러 명입니다</translation>
    </message>
    <message>
        <source>Confirm who is calling, then choose the customer (click or Enter).</source>
        <translation>통화 중인 고객을 확인한 뒤 선택하세요(클릭 또는 Enter).</translation>
    </message>
    <message>
        <source>None of these: new customer</source>
        <translation>해당 없음: 신규 고객</translation>
    </message>
    <message>
        <source>match %1%</source>
        <comment>how well the number matches this customer</comment>
        <translation>일치도 %1%</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>⚠ Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>⚠ 폭언 이력</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::CustomerForm</name>
    <message>
        <source>New customer</source>
        <translation>신규 고객</translation>
    </message>
    <message>
        <source>No customer has this number yet. Ask for the name and save to register the caller.</source>
        <translation>이 번호로 등록된 고객이 없습니다. 고객 성함을 확인하고 저장하면 등록됩니다.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 정보 수정</translation>
    </message>
    <message>
        <source>Only the fields you change are saved.</source>
        <translation>변경한 항목만 저장됩니다.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <source>Family name first, e.g. 김민준</source>
        <translation>성을 먼저 입력 (예: 김민준)</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>영문 이름</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Numbers are masked for you: they can be changed while you handle this customer&apos;s call.</source>
        <translation>번호가 마스킹되어 표시됩니다. 이 고객의 통화를 응대하는 동안에만 변경할 수 있습니다.</translation>
    </message>
    <message>
        <source>The first number is the primary one.</source>
        <translation>첫 번째 번호가 기본 번호입니다.</translation>
    </message>
    <message>
        <source>Add number</source>
        <translation>번호 추가</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Create customer</source>
        <translation>고객 등록</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>010-1234-5678</source>
        <translation>010-1234-5678</translation>
    </message>
    <message>
        <source>Remove this number</source>
        <translation>이 번호 삭제</translation>
    </message>
    <message>
        <source>Not possible while offline</source>
        <translation>오프라인 상태에서는 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>표시된 항목을 수정하세요.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::KeypadDialog</name>
    <message>
        <source>Keypad (DTMF)</source>
        <translation>키패드(DTMF)</translation>
    </message>
    <message>
        <source>Sent:</source>
        <comment>DTMF digits sent on this call</comment>
        <translation>전송한 번호:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::KnowledgePanel</name>
    <message>
        <source>The article could not be opened. %1</source>
        <translation>문서를 열 수 없습니다. %1</translation>
    </message>
    <message>
        <source>Suggested for: %1</source>
        <comment>Articles suggested for the call&apos;s IVR intent</comment>
        <translation>추천 문서: %1</translation>
    </message>
    <message>
        <source>No suggested articles yet. Type to search.</source>
        <translation>아직 추천 문서가 없습니다. 검색어를 입력하세요.</translation>
    </message>
    <message>
        <source>Type a few words to search the knowledge base.</source>
        <translation>검색어를 입력해 지식 문서를 찾으세요.</translation>
    </message>
    <message>
        <source>Results for “%1”: %2</source>
        <comment>search query, number of articles</comment>
        <translation>“%1” 검색 결과: %2건</translation>
    </message>
    <message>
        <source>No articles match “%1”. Try other or fewer words.</source>
        <translation>“%1” 검색 결과가 없습니다. 다른 검색어를 쓰거나 단어 수를 줄여 보세요.</translation>
    </message>
    <message>
        <source>Search failed. %1</source>
        <translation>검색하지 못했습니다. %1</translation>
    </message>
    <message>
        <source>The knowledge base cannot be searched while offline.</source>
        <translation>오프라인 상태에서는 지식 검색을 할 수 없습니다.</translation>
    </message>
    <message>
        <source>Search the knowledge base</source>
        <translation>지식 검색</translation>
    </message>
    <message>
        <source>Results appear as you type; Enter searches at once.</source>
        <translation>입력하는 대로 결과가 표시됩니다. Enter를 누르면 바로 검색합니다.</translation>
    </message>
    <message>
        <source>Knowledge articles</source>
        <translation>지식 문서</translation>
    </message>
    <message>
        <source>Insert into note</source>
        <comment>Copy the selected article text into the after-call note</comment>
        <translation>메모에 삽입</translation>
    </message>
    <message>
        <source>Insert the selected text (or the article&apos;s title) into the call note</source>
        <translation>선택한 텍스트(또는 문서 제목)를 상담 메모에 삽입</translation>
    </message>
    <message>
        <source>Offline: search may not answer; articles you opened before open from the saved copy.</source>
        <translation>오프라인: 검색이 되지 않을 수 있습니다. 이전에 연 문서는 저장된 사본으로 열립니다.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::LoginView</name>
    <message>
        <source>Enter the server address, e.g. https://crm.example.com</source>
        <translation>서버 주소를 입력하세요. 예: https://crm.example.com</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>아이디를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>AgentDesk — Log in</source>
        <translation>AgentDesk — 로그인</translation>
    </message>
    <message>
        <source>Agent desktop and customer 360 for your contact center.</source>
        <translation>콜센터 상담 화면과 고객 360을 한곳에서.</translation>
    </message>
    <message>
        <source>Demo contact center on this computer</source>
        <translation>이 PC의 데모 콜센터</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Demo users: counselor1, counselor2, counselor3 (counselors), lead1 (team lead), trainer1 (trainer). Password: demo</source>
        <translation>데모 사용자: counselor1, counselor2, counselor3 (상담사), lead1 (팀장), trainer1 (교육 담당). 비밀번호: demo</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>로그인 중…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::MissedCallsButton</name>
    <message numerus="yes">
        <source>Missed (%n)</source>
        <comment>missed calls (부재중) not answered in time</comment>
        <translation>
            <numerusform>부재중 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls that rang here and were not answered in time</source>
        <translation>이 자리로 수신되었으나 제시간에 응답하지 못한 호</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>목록 지우기</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::NoteConflictDialog</name>
    <message>
        <source>The note was changed meanwhile</source>
        <translation>그사이 메모가 변경되었습니다</translation>
    </message>
    <message>
        <source>Someone changed this note on the server while you were editing it. Compare both versions and choose which to keep.</source>
        <translation>편집하는 동안 다른 사용자가 서버에서 이 메모를 변경했습니다. 두 버전을 비교하고 유지할 버전을 선택하세요.</translation>
    </message>
    <message>
        <source>Your version — %1</source>
        <translation>내 버전 — %1</translation>
    </message>
    <message>
        <source>Current version on the server (v%1, %2) — %3</source>
        <translation>서버의 현재 버전 (v%1, %2) — %3</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>내 버전 유지</translation>
    </message>
    <message>
        <source>Save your version on top of the server&apos;s version</source>
        <translation>서버 버전 위에 내 버전을 저장</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>서버 버전 사용</translation>
    </message>
    <message>
        <source>Drop your changes and show the server&apos;s version</source>
        <translation>내 변경 내용을 버리고 서버 버전 표시</translation>
    </message>
    <message>
        <source>Edit a merge</source>
        <translation>병합해서 편집</translation>
    </message>
    <message>
        <source>Continue in the editor with the server&apos;s text plus your added lines</source>
        <translation>서버 내용에 내가 추가한 줄을 더해 편집기에서 계속</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::NoteEditor</name>
    <message>
        <source>no wrap-up code</source>
        <translation>처리 코드 없음</translation>
    </message>
    <message>
        <source>Editing the note of %1 (version %2)</source>
        <translation>%1 작성 메모 수정 중 (버전 %2)</translation>
    </message>
    <message>
        <source>customer %1</source>
        <comment>a customer id, when the name is not known</comment>
        <translation>고객 %1</translation>
    </message>
    <message>
        <source>Call note (customer not chosen yet)</source>
        <translation>상담 메모 (고객 미선택)</translation>
    </message>
    <message>
        <source>Call note: %1</source>
        <translation>상담 메모: %1</translation>
    </message>
    <message>
        <source>After-call work</source>
        <comment>후처리: the time after a call for notes</comment>
        <translation>후처리</translation>
    </message>
    <message>
        <source>call ended, no wrap-up needed</source>
        <translation>통화 종료, 후처리 불필요</translation>
    </message>
    <message>
        <source>Memo: %1</source>
        <translation>메모: %1</translation>
    </message>
    <message>
        <source>New note (no call or customer yet)</source>
        <translation>새 메모 (통화·고객 없음)</translation>
    </message>
    <message>
        <source>Take a call or open a customer to write a note.</source>
        <translation>메모를 쓰려면 통화를 받거나 고객을 여세요.</translation>
    </message>
    <message>
        <source>Choose the customer this note is for (in the customer view) to submit it.</source>
        <translation>메모를 제출하려면 고객 화면에서 대상 고객을 선택하세요.</translation>
    </message>
    <message>
        <source>Choose a wrap-up code to submit the note.</source>
        <comment>처리 코드: required before submitting</comment>
        <translation>메모를 제출하려면 처리 코드를 선택하세요.</translation>
    </message>
    <message>
        <source>Saving a change to an earlier note needs the connection.</source>
        <translation>이전 메모의 변경 내용을 저장하려면 서버 연결이 필요합니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>Someone else changed this note meanwhile: compare both versions in the window that opened.</source>
        <translation>그사이 다른 사용자가 이 메모를 변경했습니다. 새로 열린 창에서 두 버전을 비교하세요.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장 안 됨: %1</translation>
    </message>
    <message>
        <source>Showing the current version from the server.</source>
        <translation>서버의 현재 버전을 표시합니다.</translation>
    </message>
    <message>
        <source>Merged with the current version: check the text and save again.</source>
        <translation>현재 버전과 병합했습니다. 내용을 확인하고 다시 저장하세요.</translation>
    </message>
    <message>
        <source>Not ready</source>
        <comment>agent state</comment>
        <translation>이석</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>agent state</comment>
        <translation>수신 대기</translation>
    </message>
    <message>
        <source>Sending the note, then finishing wrap-up…</source>
        <translation>메모를 전송한 뒤 후처리를 완료합니다…</translation>
    </message>
    <message>
        <source>Wrap-up will finish automatically when the connection returns.</source>
        <translation>연결이 복구되면 후처리가 자동으로 완료됩니다.</translation>
    </message>
    <message>
        <source>Finishing wrap-up…</source>
        <translation>후처리 완료 중…</translation>
    </message>
    <message>
        <source>Wrap-up finished. You are now: %1</source>
        <translation>후처리 완료. 현재 상태: %1</translation>
    </message>
    <message>
        <source>Wrap-up failed: %1</source>
        <translation>후처리 완료 실패: %1</translation>
    </message>
    <message>
        <source>After-call work had already ended: the note is saved without wrap-up.</source>
        <translation>후처리가 이미 종료되어 메모만 저장했습니다.</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation>%1 임시 저장됨</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>편집 취소</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>변경 내용 저장</translation>
    </message>
    <message>
        <source>Save and wrap up</source>
        <comment>save the note and end after-call work</comment>
        <translation>저장 및 후처리 완료</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>메모 저장</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>템플릿 삽입</translation>
    </message>
    <message>
        <source>Insert this wrap-up code&apos;s template at the cursor</source>
        <translation>이 처리 코드의 템플릿을 커서 위치에 삽입</translation>
    </message>
    <message>
        <source>What was the call about, what was done, what was promised…</source>
        <translation>문의 내용, 처리 내용, 약속한 사항…</translation>
    </message>
    <message>
        <source>Wrap-up code (required)</source>
        <comment>처리 코드</comment>
        <translation>처리 코드 (필수)</translation>
    </message>
    <message>
        <source>Save the note and wrap up</source>
        <translation>상담 메모 저장 및 후처리 완료</translation>
    </message>
    <message>
        <source>Go to the note</source>
        <translation>상담 메모로 이동</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::OpenCasesView</name>
    <message>
        <source>No open cases.</source>
        <translation>진행 중인 문의가 없습니다.</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>수정 %1</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::OutboxStatusView</name>
    <message>
        <source>Note not accepted: %1 Your text is kept: copy it and submit again.</source>
        <translation>메모가 접수되지 않았습니다: %1 작성한 내용은 보존되니 복사해서 다시 제출하세요.</translation>
    </message>
    <message>
        <source>Sending (%1)…</source>
        <translation>전송 중 (%1)…</translation>
    </message>
    <message>
        <source>Pending (%1) — will be sent when the connection returns</source>
        <translation>전송 대기 (%1) — 연결되면 전송됩니다</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>%1 전송됨</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>내용 복사</translation>
    </message>
    <message>
        <source>Copy the rejected note&apos;s text to the clipboard</source>
        <translation>거부된 메모 내용을 클립보드에 복사</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ProductsTable</name>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>월 요금</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ProfileCard</name>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Edit this customer&apos;s details</source>
        <translation>이 고객 정보 수정</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>Resident no.</source>
        <comment>주민등록번호, shown masked</comment>
        <translation>주민등록번호</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Last contact</source>
        <comment>reason of the latest contact</comment>
        <translation>최근 상담</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>동의 항목</translation>
    </message>
    <message>
        <source>Customer no. %1</source>
        <translation>고객번호 %1</translation>
    </message>
    <message>
        <source>Grade: %1</source>
        <translation>등급: %1</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message numerus="yes">
        <source>Abusive history: %n call(s)</source>
        <comment>폭언 이력; calls ended for abuse</comment>
        <translation>
            <numerusform>폭언 이력: %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>폭언 이력</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>발신</translation>
    </message>
    <message>
        <source>Call this number (outbound call)</source>
        <translation>이 번호로 발신</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>미동의</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::RestoredDraftsBar</name>
    <message>
        <source>(no text yet)</source>
        <translation>(내용 없음)</translation>
    </message>
    <message>
        <source>memo for %1</source>
        <translation>%1 메모</translation>
    </message>
    <message>
        <source>call %1</source>
        <translation>통화 %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Restored draft from %1 (%2 drafts kept: click one to open it)</source>
        <translation>%1 임시 저장본을 복원했습니다 (임시 저장 %2건 보관 중: 클릭하면 열림)</translation>
    </message>
    <message>
        <source>Restored draft from %1</source>
        <translation>%1 임시 저장본을 복원했습니다</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SearchResultsPage</name>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Back to the customer on screen</source>
        <translation>화면의 고객으로 돌아가기</translation>
    </message>
    <message>
        <source>Customers matching “%1”</source>
        <translation>“%1” 고객 검색 결과</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>No customer found. Try the full name, a phone number or the customer number.</source>
        <translation>고객을 찾을 수 없습니다. 전체 이름, 전화번호 또는 고객번호로 검색해 보세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>고객 %n명을 찾았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>no. %1</source>
        <comment>customer number</comment>
        <translation>고객번호 %1</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>⚠ Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>⚠ 폭언 이력</translation>
    </message>
    <message>
        <source>last contact: %1</source>
        <translation>최근 상담: %1</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SettingsDialog</name>
    <message>
        <source>“%1” and “%2” both use %3.</source>
        <translation>“%1”, “%2”에 모두 %3 키가 지정되어 있습니다.</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://crm.example.com</source>
        <translation>서버 주소를 입력하세요. 예: https://crm.example.com</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Demo contact center on this computer</source>
        <translation>이 PC의 데모 콜센터</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>A new server is used at the next login.</source>
        <translation>변경한 서버는 다음 로그인부터 사용됩니다.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>글꼴 크기</translation>
    </message>
    <message>
        <source>After wrap-up</source>
        <translation>후처리 완료 후</translation>
    </message>
    <message>
        <source>Ready for the next call</source>
        <translation>다음 호 수신 대기</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>이석</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>기본값 복원</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SoftphoneBar</name>
    <message>
        <source>The consult was rejected; the caller is on hold.</source>
        <translation>협의 대상이 거절했습니다. 고객은 보류 중입니다.</translation>
    </message>
    <message>
        <source>The consult was not answered; the caller is on hold.</source>
        <translation>협의 대상이 응답하지 않았습니다. 고객은 보류 중입니다.</translation>
    </message>
    <message>
        <source>Consult cancelled.</source>
        <translation>협의 호전환을 취소했습니다.</translation>
    </message>
    <message>
        <source>%1 is not possible right now.</source>
        <translation>지금은 %1 기능을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <comment>command name: reason</comment>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>go to the ready state: 대기</comment>
        <translation>수신 대기</translation>
    </message>
    <message>
        <source>Go ready to take calls</source>
        <translation>수신 대기로 전환해 호를 받습니다</translation>
    </message>
    <message>
        <source>Not ready</source>
        <comment>go to not ready, with a reason: 이석</comment>
        <translation>이석</translation>
    </message>
    <message>
        <source>Go not ready, with a reason</source>
        <translation>사유를 선택해 이석으로 전환</translation>
    </message>
    <message>
        <source>Answer</source>
        <comment>응답</comment>
        <translation>응답</translation>
    </message>
    <message>
        <source>Reject</source>
        <comment>거절</comment>
        <translation>거절</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>호전환</comment>
        <translation>호전환</translation>
    </message>
    <message>
        <source>Transfer to a queue, an agent or a number</source>
        <translation>큐, 상담사 또는 전화번호로 호전환</translation>
    </message>
    <message>
        <source>Keypad</source>
        <comment>DTMF keypad: 키패드</comment>
        <translation>키패드</translation>
    </message>
    <message>
        <source>Abuse warning</source>
        <comment>폭언 경고</comment>
        <translation>폭언 경고</translation>
    </message>
    <message>
        <source>Play the abuse warning announcement to the caller</source>
        <translation>고객에게 폭언 경고 안내 멘트 재생</translation>
    </message>
    <message>
        <source>End call (abuse)</source>
        <comment>상담원 선종료</comment>
        <translation>상담원 선종료</translation>
    </message>
    <message>
        <source>End the call after the required warnings; the team lead is alerted</source>
        <translation>필요한 경고 후 통화를 종료합니다. 팀장에게 알림이 갑니다</translation>
    </message>
    <message>
        <source>Hang up</source>
        <comment>통화 종료</comment>
        <translation>통화 종료</translation>
    </message>
    <message>
        <source>No call</source>
        <comment>no call in progress</comment>
        <translation>통화 없음</translation>
    </message>
    <message>
        <source>Verified</source>
        <comment>caller identity verified: 본인 확인</comment>
        <translation>본인 확인됨</translation>
    </message>
    <message>
        <source>The caller&apos;s identity was verified in the IVR</source>
        <translation>IVR에서 고객 본인 확인을 마쳤습니다</translation>
    </message>
    <message>
        <source>Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>폭언 이력</translation>
    </message>
    <message>
        <source>This caller was abusive on earlier calls</source>
        <translation>이전 통화에서 폭언한 이력이 있는 고객입니다</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <comment>녹음 일시정지 중</comment>
        <translation>녹음 일시정지됨</translation>
    </message>
    <message>
        <source>The recording is paused (never stopped); resume it when the card number has been given</source>
        <translation>녹음이 일시정지되었습니다(중단되지 않음). 카드 번호를 받은 뒤 재개하세요</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>이석</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>agent state · reason</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Outbound</source>
        <comment>발신</comment>
        <translation>발신</translation>
    </message>
    <message>
        <source>Waited %1</source>
        <comment>time the caller waited in the queue: 대기시간, not the Ready state</comment>
        <translation>대기시간 %1</translation>
    </message>
    <message>
        <source>Consult from %1</source>
        <comment>a colleague&apos;s consult transfer</comment>
        <translation>%1 협의 요청</translation>
    </message>
    <message>
        <source>Consulting… caller on hold</source>
        <translation>협의 중… 고객 보류 중</translation>
    </message>
    <message>
        <source>Warnings %1/%2</source>
        <comment>abuse warnings played / required</comment>
        <translation>경고 %1/%2</translation>
    </message>
    <message>
        <source>Resume</source>
        <comment>보류 해제</comment>
        <translation>보류 해제</translation>
    </message>
    <message>
        <source>Hold</source>
        <comment>보류</comment>
        <translation>보류</translation>
    </message>
    <message>
        <source>Unmute</source>
        <comment>음소거 해제</comment>
        <translation>음소거 해제</translation>
    </message>
    <message>
        <source>Mute</source>
        <comment>음소거</comment>
        <translation>음소거</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <comment>녹음 재개</comment>
        <translation>녹음 재개</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <comment>녹음 일시정지</comment>
        <translation>녹음 일시정지</translation>
    </message>
    <message>
        <source>Pause the recording while the caller gives a card number; it is never stopped</source>
        <translation>고객이 카드 번호를 말하는 동안 녹음을 일시정지합니다. 녹음이 중단되지는 않습니다</translation>
    </message>
    <message>
        <source>Offline: waiting for the connection</source>
        <translation>오프라인: 연결 대기 중</translation>
    </message>
    <message>
        <source>Time in this state</source>
        <translation>현재 상태 유지 시간</translation>
    </message>
    <message>
        <source>Ringing %1</source>
        <comment>time the call has rung here</comment>
        <translation>벨 울림 %1</translation>
    </message>
    <message>
        <source>On hold · %1</source>
        <comment>talk time while held</comment>
        <translation>보류 중 · %1</translation>
    </message>
    <message>
        <source>Talk %1</source>
        <comment>talk time</comment>
        <translation>통화 %1</translation>
    </message>
    <message>
        <source>Recommended talk time %1 exceeded</source>
        <translation>권장 통화시간 %1 초과</translation>
    </message>
    <message>
        <source>Recommended talk time %1</source>
        <translation>권장 통화시간 %1</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>통화 종료됨</translation>
    </message>
    <message>
        <source>ACW %1 left</source>
        <comment>after-call work (후처리) time left</comment>
        <translation>후처리 %1 남음</translation>
    </message>
    <message>
        <source>After-call work ends by itself after %1</source>
        <translation>후처리는 %1 후 자동으로 종료됩니다</translation>
    </message>
    <message>
        <source>ACW %1</source>
        <comment>after-call work (후처리) time so far</comment>
        <translation>후처리 %1</translation>
    </message>
    <message>
        <source>Missed call: you were set to Not ready.</source>
        <translation>부재중 호: 이석 상태로 전환되었습니다.</translation>
    </message>
    <message>
        <source>Call transferred.</source>
        <translation>호전환되었습니다.</translation>
    </message>
    <message>
        <source>The caller hung up before the call was answered.</source>
        <translation>응답 전에 고객이 전화를 끊었습니다.</translation>
    </message>
    <message>
        <source>Call ended after abuse warnings; your team lead has been alerted.</source>
        <translation>폭언 경고 후 통화를 종료했습니다. 팀장에게 알림이 전달되었습니다.</translation>
    </message>
    <message>
        <source>The consult offer was withdrawn.</source>
        <translation>협의 요청이 철회되었습니다.</translation>
    </message>
    <message>
        <source>Call rejected.</source>
        <translation>호를 거절했습니다.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TimelineView</name>
    <message>
        <source>No contacts yet.</source>
        <translation>상담 이력이 없습니다.</translation>
    </message>
    <message>
        <source>Show older contacts</source>
        <translation>이전 이력 더 보기</translation>
    </message>
    <message>
        <source>Loading older contacts…</source>
        <translation>이전 이력을 불러오는 중…</translation>
    </message>
    <message>
        <source>No older contacts.</source>
        <translation>이전 이력이 더 없습니다.</translation>
    </message>
    <message>
        <source>%1 talk</source>
        <comment>talk time of the call</comment>
        <translation>통화 %1</translation>
    </message>
    <message>
        <source>Wrap-up: %1</source>
        <comment>처리 코드</comment>
        <translation>처리 코드: %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <comment>상담사</comment>
        <translation>상담사: %1</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(빈 메모)</translation>
    </message>
    <message>
        <source>edited (version %1)</source>
        <translation>수정됨 (버전 %1)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Edit this note</source>
        <translation>이 메모 수정</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TransferDialog</name>
    <message>
        <source>The target rejected the consult. The caller is on hold.</source>
        <translation>대상이 협의를 거절했습니다. 고객은 보류 중입니다.</translation>
    </message>
    <message>
        <source>The target did not answer. The caller is on hold.</source>
        <translation>대상이 응답하지 않았습니다. 고객은 보류 중입니다.</translation>
    </message>
    <message>
        <source>Consult cancelled.</source>
        <translation>협의 호전환을 취소했습니다.</translation>
    </message>
    <message>
        <source>No such queue or agent.</source>
        <translation>해당 큐 또는 상담사가 없습니다.</translation>
    </message>
    <message>
        <source>Not possible: the agent is not ready, or a transfer is already in progress.</source>
        <translation>호전환할 수 없습니다. 대상 상담사가 수신 대기 상태가 아니거나 이미 호전환이 진행 중입니다.</translation>
    </message>
    <message>
        <source>Transfer call</source>
        <comment>호전환</comment>
        <translation>호전환</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>호전환 대상</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>큐</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>상담사</translation>
    </message>
    <message>
        <source>Agent ID, e.g. A1003</source>
        <translation>상담사 ID (예: A1003)</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>e.g. 02-555-9999</source>
        <translation>예: 02-555-9999</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>Blind</source>
        <comment>transfer at once, without talking to the target first</comment>
        <translation>즉시 호전환</translation>
    </message>
    <message>
        <source>Consult</source>
        <comment>talk to the target first; the transfer completes when they answer</comment>
        <translation>협의 호전환</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>호전환</translation>
    </message>
    <message>
        <source>Back to caller</source>
        <comment>cancels a consult transfer</comment>
        <translation>고객에게 복귀</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Choose a queue.</source>
        <translation>큐를 선택하세요.</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s ID.</source>
        <translation>상담사 ID를 입력하세요.</translation>
    </message>
    <message>
        <source>That is you.</source>
        <translation>본인의 ID입니다.</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>전화번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Not a Korean phone number.</source>
        <translation>국내 전화번호 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>Consulting: the caller is on hold. The transfer completes when the target answers.</source>
        <translation>협의 중: 고객은 보류 중입니다. 대상이 응답하면 호전환이 완료됩니다.</translation>
    </message>
    <message>
        <source>Offline: transfer is not possible until the connection is back.</source>
        <translation>오프라인: 연결이 복구될 때까지 호전환할 수 없습니다.</translation>
    </message>
    <message>
        <source>Transfer is not possible right now.</source>
        <translation>지금은 호전환할 수 없습니다.</translation>
    </message>
    <message>
        <source>Transferring…</source>
        <translation>호전환 중…</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::WrapupCodePicker</name>
    <message>
        <source>General</source>
        <comment>wrap-up code category</comment>
        <translation>일반</translation>
    </message>
    <message>
        <source>Cards and payments</source>
        <comment>wrap-up code category</comment>
        <translation>카드·결제</translation>
    </message>
    <message>
        <source>Cancellation and plans</source>
        <comment>wrap-up code category</comment>
        <translation>해지·요금제</translation>
    </message>
    <message>
        <source>Counselor protection</source>
        <comment>wrap-up code category</comment>
        <translation>상담사 보호</translation>
    </message>
    <message>
        <source>Choose a wrap-up code…</source>
        <comment>처리 코드: the code that closes after-call work</comment>
        <translation>처리 코드 선택…</translation>
    </message>
</context>
</TS>
