<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>AlertTexts</name>
    <message>
        <source>Abuse warning</source>
        <comment>alert kind; 폭언 경고 (the counselor played the warning)</comment>
        <translation>폭언 경고</translation>
    </message>
    <message>
        <source>Call ended for abuse</source>
        <comment>alert kind; 폭언으로 상담사가 통화 종료</comment>
        <translation>상담원 선종료</translation>
    </message>
    <message>
        <source>Missed call</source>
        <comment>alert kind; 미응답 (a counselor did not answer in time)</comment>
        <translation>부재중 호</translation>
    </message>
    <message>
        <source>Long wait</source>
        <comment>alert kind; 장기 대기 (a caller waits too long in the queue)</comment>
        <translation>장기 대기</translation>
    </message>
    <message>
        <source>Service level below target</source>
        <comment>alert kind; 서비스 레벨 미달</comment>
        <translation>서비스 레벨 미달</translation>
    </message>
    <message>
        <source>%1 played the abuse warning to the caller.</source>
        <comment>%1 = counselor&apos;s name</comment>
        <translation>%1 상담사가 고객에게 폭언 경고 멘트를 재생했습니다.</translation>
    </message>
    <message>
        <source>%1 ended the call after abuse warnings. Check on the counselor.</source>
        <comment>%1 = counselor&apos;s name</comment>
        <translation>%1 상담사가 폭언 경고 후 통화를 선종료했습니다. 상담사의 상태를 확인하세요.</translation>
    </message>
    <message>
        <source>%1 did not answer in time and was set to Not ready; the call went back to the queue.</source>
        <comment>%1 = counselor&apos;s name; Not ready = 이석</comment>
        <translation>%1 상담사가 제시간에 응답하지 않아 이석 상태로 전환되었습니다. 호는 큐로 돌아갔습니다.</translation>
    </message>
    <message>
        <source>A caller has been waiting too long in %1.</source>
        <comment>%1 = queue name</comment>
        <translation>%1 큐에서 고객이 장시간 대기 중입니다.</translation>
    </message>
    <message>
        <source>The service level of %1 fell below its target.</source>
        <comment>%1 = queue name</comment>
        <translation>%1 큐의 서비스 레벨이 목표에 미달했습니다.</translation>
    </message>
    <message>
        <source>Critical</source>
        <comment>alert severity</comment>
        <translation>긴급</translation>
    </message>
    <message>
        <source>Warning</source>
        <comment>alert severity</comment>
        <translation>경고</translation>
    </message>
    <message>
        <source>Information</source>
        <comment>alert severity</comment>
        <translation>정보</translation>
    </message>
    <message>
        <source>Abuse detected</source>
        <comment>alert kind; 폭언 감지 (agent assist heard abusive language)</comment>
        <translation>폭언 감지</translation>
    </message>
    <message>
        <source>Upset customer</source>
        <comment>alert kind; 고객 불만 고조 (negative lines in a row)</comment>
        <translation>고객 불만 고조</translation>
    </message>
    <message>
        <source>Protection rest</source>
        <comment>alert kind; 보호 휴식 (rest after an abusive call)</comment>
        <translation>보호 휴식</translation>
    </message>
    <message>
        <source>Abusive language on %1&apos;s call. Consider listening in.</source>
        <comment>%1 = counselor&apos;s name</comment>
        <translation>%1 상담사 통화에서 폭언이 감지되었습니다. 모니터링을 고려하세요.</translation>
    </message>
    <message>
        <source>The customer on %1&apos;s call has been upset for %2 turns in a row.</source>
        <comment>%1 = counselor&apos;s name, %2 = number of turns</comment>
        <translation>%1 상담사 통화의 고객이 %2번 연속 부정적으로 말했습니다.</translation>
    </message>
    <message>
        <source>%1 is resting after an abusive call (%2 minutes); no calls are routed.</source>
        <comment>%1 = counselor&apos;s name, %2 = minutes</comment>
        <translation>%1 상담사가 폭언 통화 후 보호 휴식 중입니다(%2분). 호가 배분되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>AssistTexts</name>
    <message>
        <source>negative</source>
        <translation>부정</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>긍정</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>중립</translation>
    </message>
    <message>
        <source>improving</source>
        <translation>좋아지는 중</translation>
    </message>
    <message>
        <source>worsening</source>
        <translation>나빠지는 중</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>변화 없음</translation>
    </message>
    <message>
        <source>Insult</source>
        <translation>모욕</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>위협</translation>
    </message>
    <message>
        <source>Sexual harassment</source>
        <translation>성희롱</translation>
    </message>
    <message>
        <source>Profanity</source>
        <translation>욕설</translation>
    </message>
    <message>
        <source>Counselor</source>
        <translation>상담사</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Customer mood: %1</source>
        <translation>고객 감정: %1</translation>
    </message>
    <message>
        <source>Customer mood: %1, %2</source>
        <translation>고객 감정: %1, %2</translation>
    </message>
</context>
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
    <name>EvaluationTexts</name>
    <message>
        <source>Greeting</source>
        <comment>KSQI dimension, Korean: 맞이인사</comment>
        <translation>맞이인사</translation>
    </message>
    <message>
        <source>Attitude</source>
        <comment>KSQI dimension, Korean: 상담태도</comment>
        <translation>상담태도</translation>
    </message>
    <message>
        <source>Handling</source>
        <comment>KSQI dimension (handling/resolution), Korean: 업무처리</comment>
        <translation>업무처리</translation>
    </message>
    <message>
        <source>Closing</source>
        <comment>KSQI dimension, Korean: 종료태도</comment>
        <translation>종료태도</translation>
    </message>
    <message>
        <source>Empathy</source>
        <comment>KSQI dimension, Korean: 공감</comment>
        <translation>공감</translation>
    </message>
    <message>
        <source>Average</source>
        <comment>mean of the five evaluation scores</comment>
        <translation>평균</translation>
    </message>
    <message>
        <source>Service</source>
        <comment>KSQI service score: mean of greeting, attitude, handling, closing</comment>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Opening: greeting, introducing oneself, identifying the customer.</source>
        <translation>상담 시작: 첫인사, 상담사 소개, 고객 확인.</translation>
    </message>
    <message>
        <source>Tone, courtesy and listening during the call.</source>
        <translation>통화 중 말투, 예의, 경청.</translation>
    </message>
    <message>
        <source>Understanding the request and resolving it correctly.</source>
        <translation>문의 내용 파악과 정확한 처리.</translation>
    </message>
    <message>
        <source>Summary, further help offered, closing greeting.</source>
        <translation>상담 내용 요약, 추가 문의 확인, 끝인사.</translation>
    </message>
    <message>
        <source>Recognising and responding to the customer&apos;s feelings (scored separately).</source>
        <translation>고객의 감정을 알아차리고 그에 맞게 응대(별도 채점).</translation>
    </message>
    <message>
        <source>Service = mean of greeting, attitude, handling and closing.
Excellent: service ≥ 92 and empathy ≥ 80 (KSQI).</source>
        <comment>KSQI grade rule; Excellent = 우수</comment>
        <translation>서비스 = 맞이인사, 상담태도, 업무처리, 종료태도의 평균.
우수: 서비스 92점 이상, 공감 80점 이상 (KSQI).</translation>
    </message>
    <message>
        <source>Excellent</source>
        <comment>KSQI grade, Korean: 우수</comment>
        <translation>우수</translation>
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
    <name>MonitorTexts</name>
    <message>
        <source>unknown</source>
        <comment>expected wait time (예상 대기시간) cannot be estimated yet</comment>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Listening</source>
        <comment>supervision mode: 감청 (the lead hears the call)</comment>
        <translation>모니터링 중</translation>
    </message>
    <message>
        <source>Whispering</source>
        <comment>supervision mode: 코칭/귓속말 (only the counselor hears the lead)</comment>
        <translation>코칭 중</translation>
    </message>
    <message>
        <source>Barged in</source>
        <comment>supervision mode: 3자 통화 개입 (everyone hears the lead)</comment>
        <translation>3자 통화 중</translation>
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
    <message>
        <source>%1 · %2</source>
        <comment>agent state · reason</comment>
        <translation>%1 · %2</translation>
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
    <message>
        <source>AgentDesk alert</source>
        <translation>AgentDesk 알림</translation>
    </message>
    <message>
        <source>This server address is not encrypted (http://). Use https://, or allow unencrypted connections in Settings.</source>
        <translation>이 서버 주소는 암호화되지 않았습니다(http://). https:// 주소를 사용하거나 설정에서 암호화되지 않은 연결을 허용하세요.</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::DesktopNotifier</name>
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
        <source>%1 (%2) · extension %3</source>
        <translation>%1 (%2) · 내선 %3</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::SupervisorWindow</name>
    <message>
        <source>AgentDesk — trainer — %1</source>
        <translation>AgentDesk — 교육 담당 — %1</translation>
    </message>
    <message>
        <source>AgentDesk — team lead — %1</source>
        <translation>AgentDesk — 팀장 — %1</translation>
    </message>
    <message>
        <source>Queues and alerts (%1)</source>
        <translation>큐 및 알림 (%1)</translation>
    </message>
    <message>
        <source>Queues and alerts</source>
        <translation>큐 및 알림</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>상담사 현황</translation>
    </message>
    <message>
        <source>Demo console</source>
        <translation>데모 콘솔</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
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
        <source>%1 (%2) · trainer</source>
        <translation>%1 (%2) · 교육 담당</translation>
    </message>
    <message>
        <source>%1 (%2) · team lead</source>
        <translation>%1 (%2) · 팀장</translation>
    </message>
    <message>
        <source>Login lockouts…</source>
        <translation>로그인 잠금…</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::TelLinkDialer</name>
    <message>
        <source>Log in to call %1: the call starts once you are logged in.</source>
        <translation>%1 번호로 전화하려면 로그인하세요. 로그인하면 바로 전화를 겁니다.</translation>
    </message>
    <message>
        <source>%1 was not dialled: calls from links are made in a counselor&apos;s window.</source>
        <translation>%1 번호로 전화하지 않았습니다. 링크로 거는 전화는 상담사 화면에서만 걸 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 was not dialled: the link was clicked more than 10 minutes ago. The number is in the customer search box.</source>
        <translation>%1 번호로 전화하지 않았습니다. 링크를 누른 지 10분이 넘었습니다. 번호는 고객 검색창에 넣어 두었습니다.</translation>
    </message>
    <message>
        <source>%1 was not dialled: AgentDesk is not connected to the server. The number is in the customer search box.</source>
        <translation>%1 번호로 전화하지 않았습니다. AgentDesk가 서버에 연결되어 있지 않습니다. 번호는 고객 검색창에 넣어 두었습니다.</translation>
    </message>
    <message>
        <source>%1 was not dialled: a call is in progress. The number is in the customer search box; call it when you are done.</source>
        <translation>%1 번호로 전화하지 않았습니다. 통화 중입니다. 번호는 고객 검색창에 넣어 두었으니 통화를 마친 뒤 거세요.</translation>
    </message>
    <message>
        <source>Calling %1 (from a link).</source>
        <translation>링크의 %1 번호로 전화를 거는 중입니다.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AgentGridProxy</name>
    <message>
        <source>After-call work for longer than %1</source>
        <comment>후처리 too long</comment>
        <translation>후처리 %1 초과</translation>
    </message>
    <message>
        <source>Not ready for longer than %1</source>
        <comment>이석 too long</comment>
        <translation>이석 %1 초과</translation>
    </message>
    <message>
        <source>Agent</source>
        <comment>column: 상담사</comment>
        <translation>상담사</translation>
    </message>
    <message>
        <source>State</source>
        <comment>column: 상태</comment>
        <translation>상태</translation>
    </message>
    <message>
        <source>In state</source>
        <comment>column: time in the current state (상태 유지 시간)</comment>
        <translation>상태 유지 시간</translation>
    </message>
    <message>
        <source>Call</source>
        <comment>column: duration of the current call (통화 시간)</comment>
        <translation>통화 시간</translation>
    </message>
    <message>
        <source>Queue</source>
        <comment>column: 큐</comment>
        <translation>큐</translation>
    </message>
    <message>
        <source>Customer</source>
        <comment>column: 고객</comment>
        <translation>고객</translation>
    </message>
    <message>
        <source>Handled today</source>
        <comment>column: calls handled today (금일 처리 호)</comment>
        <translation>금일 처리 호</translation>
    </message>
    <message>
        <source>AHT today</source>
        <comment>column: average handle time today (금일 평균 처리 시간)</comment>
        <translation>금일 평균 처리 시간</translation>
    </message>
    <message>
        <source>Supervision</source>
        <comment>column: listen/whisper/barge by a lead (모니터링)</comment>
        <translation>모니터링</translation>
    </message>
    <message>
        <source>Customer mood</source>
        <comment>column: live call&apos;s customer sentiment (고객 감정)</comment>
        <translation>고객 감정</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AgentGridView</name>
    <message numerus="yes">
        <source>%1 of %n agents</source>
        <comment>shown of all</comment>
        <translation>
            <numerusform>전체 %n명 중 %1명</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by name, extension or customer</source>
        <translation>이름, 내선 또는 고객으로 필터</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <comment>long after-call work or long not ready</comment>
        <translation>확인 필요</translation>
    </message>
    <message>
        <source>Show leads and trainers</source>
        <translation>팀장·교육 담당 표시</translation>
    </message>
    <message>
        <source>Long ACW after</source>
        <comment>후처리 longer than this is highlighted</comment>
        <translation>장기 후처리 기준</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds unit after a number</comment>
        <translation> 초</translation>
    </message>
    <message>
        <source>Long not ready after</source>
        <comment>이석 longer than this is highlighted</comment>
        <translation>장기 이석 기준</translation>
    </message>
    <message>
        <source> min</source>
        <comment>minutes unit after a number</comment>
        <translation> 분</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>상담사 필터</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>상담사</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AlertTableModel</name>
    <message>
        <source>Acknowledged</source>
        <comment>alert status; 확인함</comment>
        <translation>확인함</translation>
    </message>
    <message>
        <source>New</source>
        <comment>alert status: not acknowledged yet; 신규</comment>
        <translation>신규</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Counselor</source>
        <comment>상담사</comment>
        <translation>상담사</translation>
    </message>
    <message>
        <source>Queue</source>
        <comment>대기열</comment>
        <translation>큐</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>통화</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>상세 내용</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts since %1.</source>
        <comment>a row of repeated alerts: how many, since when</comment>
        <translation>
            <numerusform>%1 이후 알림 %n건.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <comment>tooltip of a row of repeated alerts</comment>
        <translation>
            <numerusform>… 외 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <comment>a row of alerts about several calls</comment>
        <translation>
            <numerusform>통화 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Count</source>
        <comment>how many alerts a row groups (건수)</comment>
        <translation>건수</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AlertsPanel</name>
    <message numerus="yes">
        <source>%n new</source>
        <comment>alerts not acknowledged yet (미확인)</comment>
        <translation>
            <numerusform>미확인 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>No new alerts</source>
        <translation>새 알림 없음</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>severity · time · new/acknowledged</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <comment>alert status; 확인함</comment>
        <translation>확인함</translation>
    </message>
    <message>
        <source>New</source>
        <comment>alert status: not acknowledged yet; 신규</comment>
        <translation>신규</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Alerts</source>
        <comment>team lead&apos;s alert list (알림)</comment>
        <translation>알림</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>표시(&amp;S):</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>모든 알림</translation>
    </message>
    <message>
        <source>New only</source>
        <comment>alerts not acknowledged yet</comment>
        <translation>미확인 알림만</translation>
    </message>
    <message>
        <source>Warnings and critical</source>
        <translation>경고 및 긴급</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all</source>
        <comment>mark every alert as seen (모두 확인)</comment>
        <translation>모두 확인(&amp;A)</translation>
    </message>
    <message>
        <source>Mark every alert as seen</source>
        <translation>모든 알림을 확인 처리합니다</translation>
    </message>
    <message>
        <source>No alerts. Abuse warnings, calls ended for abuse, missed calls, long waits and service-level breaches appear here as they happen.</source>
        <translation>알림이 없습니다. 폭언 경고, 상담원 선종료, 부재중 호, 장기 대기, 서비스 레벨 미달이 발생하면 여기에 바로 표시됩니다.</translation>
    </message>
    <message>
        <source>Select an alert to see what happened. Double-click it or press Enter to open the counselor and the call.</source>
        <translation>알림을 선택하면 상세 내용을 볼 수 있습니다. 두 번 클릭하거나 Enter를 누르면 해당 상담사와 통화를 엽니다.</translation>
    </message>
    <message>
        <source>Counselor:</source>
        <comment>상담사</comment>
        <translation>상담사:</translation>
    </message>
    <message>
        <source>Queue:</source>
        <comment>대기열</comment>
        <translation>큐:</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>통화:</translation>
    </message>
    <message>
        <source>Server:</source>
        <comment>the server&apos;s own message about the alert</comment>
        <translation>서버:</translation>
    </message>
    <message>
        <source>&amp;Open counselor and call</source>
        <translation>상담사 및 통화 열기(&amp;O)</translation>
    </message>
    <message>
        <source>Show the counselor in the agent grid and the call this alert is about</source>
        <translation>상담사 현황에서 해당 상담사와 이 알림의 통화를 표시합니다</translation>
    </message>
    <message>
        <source>A&amp;cknowledge</source>
        <comment>mark the alert as seen (확인)</comment>
        <translation>확인(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>%n older alerts of this row are no longer kept.</source>
        <comment>the alert history is full; the oldest repeats were let go</comment>
        <translation>
            <numerusform>이 행의 이전 알림 %n건은 더 이상 보관하지 않습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;lerts in this row:</source>
        <comment>a grouped row&apos;s alerts, newest first; each one opens</comment>
        <translation>이 행의 알림(&amp;L):</translation>
    </message>
    <message>
        <source>Double-click an alert to open its counselor and call</source>
        <translation>알림을 두 번 클릭하면 해당 상담사와 통화를 엽니다</translation>
    </message>
    <message>
        <source>Alerts in this row</source>
        <comment>accessible name of the list of a grouped row&apos;s alerts</comment>
        <translation>이 행의 알림</translation>
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
    <name>agentdesk::widgets::AssistDraftBar</name>
    <message>
        <source>Choose this wrap-up code</source>
        <translation>이 처리 코드를 선택합니다</translation>
    </message>
    <message>
        <source>Draft written by assist from the call: check it, then edit or accept it.</source>
        <translation>통화 내용으로 작성된 상담 어시스트 초안입니다. 확인 후 수정하거나 그대로 사용하세요.</translation>
    </message>
    <message>
        <source>Assist drafted a note for this call.</source>
        <translation>상담 어시스트가 이 통화의 메모 초안을 작성했습니다.</translation>
    </message>
    <message>
        <source>Assist&apos;s wrap-up codes for this call.</source>
        <translation>상담 어시스트가 추천한 이 통화의 처리 코드입니다.</translation>
    </message>
    <message>
        <source>Accept draft</source>
        <translation>초안 사용</translation>
    </message>
    <message>
        <source>Insert draft</source>
        <translation>초안 삽입</translation>
    </message>
    <message>
        <source>Suggested codes:</source>
        <translation>추천 코드:</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AssistPanel</name>
    <message>
        <source>⚠ %1 — %2</source>
        <translation>⚠ %1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2% match)</source>
        <translation>%1 (일치도 %2%)</translation>
    </message>
    <message>
        <source>Open the article in the knowledge panel</source>
        <translation>지식 패널에서 문서를 엽니다</translation>
    </message>
    <message>
        <source>✓ %1 (done)</source>
        <translation>✓ %1 (완료)</translation>
    </message>
    <message>
        <source>☐ %1 (not yet)</source>
        <translation>☐ %1 (미완료)</translation>
    </message>
    <message>
        <source>Assist</source>
        <translation>상담 어시스트</translation>
    </message>
    <message>
        <source>Live transcript</source>
        <translation>실시간 대화</translation>
    </message>
    <message>
        <source>Suggested articles</source>
        <translation>추천 문서</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>The call&apos;s transcript, the customer&apos;s mood and suggestions appear here while you are on a call.</source>
        <translation>통화 중에는 대화 내용, 고객 감정, 추천 문서가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Abusive language detected (%1). You may play the warning to the caller.</source>
        <translation>폭언이 감지되었습니다(%1). 고객에게 경고 안내를 재생할 수 있습니다.</translation>
    </message>
    <message>
        <source>Play warning</source>
        <translation>경고 안내 재생</translation>
    </message>
    <message>
        <source>Play warning (%1)</source>
        <translation>경고 안내 재생 (%1)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>대화 내용</translation>
    </message>
    <message>
        <source>Listen to a counselor&apos;s call: its transcript and the customer&apos;s mood appear here.</source>
        <translation>상담사 통화를 감청하면 대화 내용과 고객 감정이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>The evaluated call&apos;s transcript and checklist appear here (calls with agent assist).</source>
        <translation>평가할 통화의 대화 내용과 체크리스트가 여기에 표시됩니다(상담 어시스트가 있는 통화).</translation>
    </message>
    <message>
        <source>Abusive language detected (%1) on this call.</source>
        <translation>이 통화에서 폭언이 감지되었습니다(%1).</translation>
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
    <message>
        <source>Search customers</source>
        <translation>고객 검색</translation>
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
    <name>agentdesk::widgets::DemoConsoleView</name>
    <message>
        <source>%1: %2</source>
        <comment>what failed: why</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Loading the scenarios failed</source>
        <translation>시나리오 불러오기 실패</translation>
    </message>
    <message>
        <source>Reading the generator&apos;s status failed</source>
        <translation>호 생성기 상태 조회 실패</translation>
    </message>
    <message>
        <source>Starting the scenario failed</source>
        <translation>시나리오 시작 실패</translation>
    </message>
    <message>
        <source>Stopping the demo failed</source>
        <translation>데모 중지 실패</translation>
    </message>
    <message>
        <source>Injecting the call failed</source>
        <translation>호 투입 실패</translation>
    </message>
    <message>
        <source>Setting the arrival rate failed</source>
        <translation>인입량 설정 실패</translation>
    </message>
    <message>
        <source>Resetting the demo data failed</source>
        <translation>데모 데이터 초기화 실패</translation>
    </message>
    <message>
        <source>Searching customers failed</source>
        <translation>고객 검색 실패</translation>
    </message>
    <message>
        <source>Demo console</source>
        <comment>trainer&apos;s console for demo calls (데모 콘솔)</comment>
        <translation>데모 콘솔</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <comment>large text for a projector (발표 모드)</comment>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Larger text for a projector, in the whole window</source>
        <translation>프로젝터용으로 창 전체의 글자를 크게 표시합니다</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::EvaluationForm</name>
    <message>
        <source>Choose the counselor to evaluate.</source>
        <translation>평가할 상담사를 선택하세요.</translation>
    </message>
    <message>
        <source>Enter the call id of the evaluated call.</source>
        <translation>평가할 통화의 통화 ID를 입력하세요.</translation>
    </message>
    <message>
        <source>Give a score from 0 to 100.</source>
        <translation>0~100 사이의 점수를 입력하세요.</translation>
    </message>
    <message>
        <source>The score must be between 0 and 100.</source>
        <translation>점수는 0~100 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Complete the marked fields.</source>
        <translation>표시된 항목을 입력하세요.</translation>
    </message>
    <message>
        <source>The server does not know this agent (%1).</source>
        <translation>서버에 등록되지 않은 상담사입니다(%1).</translation>
    </message>
    <message>
        <source>The call id was refused (%1).</source>
        <translation>통화 ID가 거부되었습니다(%1).</translation>
    </message>
    <message>
        <source>The score was refused (%1).</source>
        <translation>점수가 거부되었습니다(%1).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장 안 됨: %1</translation>
    </message>
    <message>
        <source>Evaluation saved.</source>
        <translation>평가를 저장했습니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>—</source>
        <comment>value not available yet</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Service %1 · Empathy %2 · Average %3</source>
        <translation>서비스 %1 · 공감 %2 · 평균 %3</translation>
    </message>
    <message>
        <source>Evaluate a call</source>
        <comment>form title; 상담 평가</comment>
        <translation>상담 평가</translation>
    </message>
    <message>
        <source>Counselor</source>
        <comment>the trainee being evaluated; 평가 대상 상담사</comment>
        <translation>평가 대상 상담사</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>통화</translation>
    </message>
    <message>
        <source>The counselor whose call you evaluate.</source>
        <translation>평가할 통화의 상담사입니다.</translation>
    </message>
    <message>
        <source>Call id, e.g. call-6b046cc8-1</source>
        <translation>통화 ID (예: call-6b046cc8-1)</translation>
    </message>
    <message>
        <source>Filled in with the counselor&apos;s current or last call when known.</source>
        <translation>확인되면 상담사의 현재 통화 또는 마지막 통화가 자동으로 입력됩니다.</translation>
    </message>
    <message>
        <source>Scores (0–100)</source>
        <translation>점수 (0–100)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>평가 의견</translation>
    </message>
    <message>
        <source>What went well, what to practise next</source>
        <translation>잘한 점, 다음에 연습할 점</translation>
    </message>
    <message>
        <source>Save evaluation</source>
        <translation>평가 저장</translation>
    </message>
    <message>
        <source>Clear scores</source>
        <translation>점수 지우기</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::EvaluationHistory</name>
    <message>
        <source>Service %1</source>
        <translation>서비스 %1</translation>
    </message>
    <message>
        <source>Evaluation history</source>
        <translation>평가 이력</translation>
    </message>
    <message>
        <source>Evaluation history: %1</source>
        <comment>%1 is the counselor&apos;s name</comment>
        <translation>평가 이력: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>평가 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save this history as a CSV file (UTF-8, opens in Excel).</source>
        <translation>이 이력을 CSV 파일로 저장합니다(UTF-8, Excel에서 열 수 있음).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>통화</translation>
    </message>
    <message>
        <source>Grade</source>
        <comment>KSQI grade; 등급</comment>
        <translation>등급</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <comment>who scored the call; 평가자</comment>
        <translation>평가자</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>평가 의견</translation>
    </message>
    <message>
        <source>Averages</source>
        <translation>평균</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::EvaluationView</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>The counselor list could not be loaded: %1</source>
        <translation>상담사 목록을 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation>평가 이력을 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Only trainers and team leads can evaluate calls.</source>
        <translation>교육 담당과 팀장만 상담을 평가할 수 있습니다.</translation>
    </message>
    <message>
        <source>Export evaluations</source>
        <translation>평가 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>내보내기 완료: %1</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder.</source>
        <translation>파일을 저장할 수 없습니다. 다른 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Call evaluation</source>
        <comment>tab title; 상담 평가</comment>
        <translation>상담 평가</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::GeneratorControls</name>
    <message>
        <source>The demo data was reset.</source>
        <translation>데모 데이터를 초기화했습니다.</translation>
    </message>
    <message>
        <source>Reset the demo data</source>
        <translation>데모 데이터 초기화</translation>
    </message>
    <message>
        <source>Reset the demo data? The running scenario stops, every call ends, the queues empty and the demo customers go back to the bundled data set. This cannot be undone.</source>
        <translation>데모 데이터를 초기화할까요? 실행 중인 시나리오가 중지되고, 모든 통화가 종료되며, 큐가 비워지고, 데모 고객 정보가 기본 제공 데이터로 되돌아갑니다. 이 작업은 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Current rate: unknown</source>
        <translation>현재 인입량: 알 수 없음</translation>
    </message>
    <message>
        <source>Now: %1 calls a minute (generator running)</source>
        <translation>현재: 분당 %1콜 (생성기 실행 중)</translation>
    </message>
    <message>
        <source>Now: generator stopped (0 calls a minute)</source>
        <translation>현재: 생성기 중지됨 (분당 0콜)</translation>
    </message>
    <message>
        <source>Call generator and demo data</source>
        <translation>호 생성기 및 데모 데이터</translation>
    </message>
    <message>
        <source>&amp;Arrival rate:</source>
        <translation>인입량(&amp;A):</translation>
    </message>
    <message>
        <source> calls/min</source>
        <comment>unit after the number in the spin box</comment>
        <translation> 콜/분</translation>
    </message>
    <message>
        <source>Random demo calls a minute, 0-%1; 0 stops the generator</source>
        <translation>분당 무작위 데모 호 수(0~%1). 0이면 생성기가 중지됩니다</translation>
    </message>
    <message>
        <source>A&amp;pply rate</source>
        <translation>인입량 적용(&amp;P)</translation>
    </message>
    <message>
        <source>Reset stops the scenario, ends every call and puts the demo customers back to the bundled data set.</source>
        <translation>초기화하면 시나리오가 중지되고 모든 통화가 종료되며, 데모 고객 정보가 기본 제공 데이터로 되돌아갑니다.</translation>
    </message>
    <message>
        <source>&amp;Reset demo data…</source>
        <translation>데모 데이터 초기화(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::InjectCallForm</name>
    <message>
        <source>Call injected into %1.</source>
        <comment>%1 = queue name</comment>
        <translation>%1 큐에 호를 투입했습니다.</translation>
    </message>
    <message>
        <source>(no intent)</source>
        <comment>the caller chose nothing in the IVR</comment>
        <translation>(문의 유형 없음)</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>일치하는 고객이 없습니다.</translation>
    </message>
    <message>
        <source>Search for a customer and pick one.</source>
        <translation>고객을 검색해 선택하세요.</translation>
    </message>
    <message>
        <source>Type a Korean phone number, e.g. 010-1234-5678.</source>
        <translation>국내 전화번호를 입력하세요(예: 010-1234-5678).</translation>
    </message>
    <message>
        <source>Pick a queue.</source>
        <translation>큐를 선택하세요.</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>고객:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>번호:</translation>
    </message>
    <message>
        <source>Mobile, landline or a 15xx number.</source>
        <translation>휴대폰, 일반 전화 또는 15xx 대표번호</translation>
    </message>
    <message>
        <source>Calls as %1</source>
        <comment>%1 = phone number</comment>
        <translation>발신 번호: %1</translation>
    </message>
    <message>
        <source>Not a Korean phone number.</source>
        <translation>국내 전화번호 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>Inject a call</source>
        <comment>put a demo call into a queue</comment>
        <translation>호 투입</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>발신자:</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>고객(&amp;C)</translation>
    </message>
    <message>
        <source>Phone &amp;number</source>
        <translation>전화번호(&amp;N)</translation>
    </message>
    <message>
        <source>Search by name, customer number or phone</source>
        <translation>이름, 고객번호 또는 전화번호로 검색</translation>
    </message>
    <message>
        <source>010-1234-5678</source>
        <translation>010-1234-5678</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <comment>대기열</comment>
        <translation>큐(&amp;Q):</translation>
    </message>
    <message>
        <source>&amp;Intent:</source>
        <comment>the caller&apos;s IVR choice (문의 유형)</comment>
        <translation>문의 유형(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Transcript:</source>
        <comment>scripted lines of the call (대화 내용)</comment>
        <translation>대화 내용(&amp;T):</translation>
    </message>
    <message>
        <source>One line each, optional:
customer: Hello, I lost my card.
agent: I will block it right away.</source>
        <translation>한 줄에 한 문장씩 입력(선택 사항):
고객: 안녕하세요, 카드를 잃어버렸어요.
상담사: 바로 사용 정지해 드리겠습니다.</translation>
    </message>
    <message>
        <source>Start a line with &quot;고객:&quot; or &quot;customer:&quot; for the caller, &quot;상담사:&quot; or &quot;agent:&quot; for the counselor. Lines without a prefix are the caller&apos;s.</source>
        <translation>고객의 말은 &quot;고객:&quot; 또는 &quot;customer:&quot;로, 상담사의 말은 &quot;상담사:&quot; 또는 &quot;agent:&quot;로 시작하세요. 접두어가 없는 줄은 고객의 말로 처리됩니다.</translation>
    </message>
    <message>
        <source>In&amp;ject call</source>
        <translation>호 투입(&amp;J)</translation>
    </message>
    <message>
        <source>Search the caller</source>
        <translation>발신자 검색</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>검색된 고객</translation>
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
    <message>
        <source>Search knowledge</source>
        <translation>지식 검색</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::LoginLockoutsDialog</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>The lockouts could not be loaded: %1</source>
        <translation>잠금 목록을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No username or address is locked out.</source>
        <translation>잠긴 아이디나 주소가 없습니다.</translation>
    </message>
    <message>
        <source>Clearing the lockout of %1…</source>
        <translation>%1의 잠금을 해제하는 중…</translation>
    </message>
    <message>
        <source>The lockout of %1 could not be cleared: %2</source>
        <translation>%1의 잠금을 해제하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>%1 was no longer locked out.</source>
        <translation>%1은(는) 이미 잠금이 풀려 있었습니다.</translation>
    </message>
    <message>
        <source>The lockout of %1 was cleared.</source>
        <translation>%1의 잠금을 해제했습니다.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Login lockouts</source>
        <translation>로그인 잠금</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Username or address</source>
        <translation>아이디 또는 주소</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>실패 횟수</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>잠금 해제 시각</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Clear lockout</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <source>Usernames and addresses locked out after failed logins. Clear a lockout once you have checked with the person that the attempts were theirs.</source>
        <translation>로그인 실패가 반복되어 잠긴 아이디와 주소입니다. 본인이 시도한 것인지 확인한 뒤 잠금을 해제하세요.</translation>
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
    <message>
        <source>Not encrypted: your password and customer data would cross the network readable. Use an https:// address. Plain http:// to another computer works only when allowed in Settings.</source>
        <translation>암호화되지 않음: 비밀번호와 고객 정보가 네트워크에서 그대로 노출됩니다. https:// 주소를 사용하세요. 다른 컴퓨터로의 http:// 연결은 설정에서 허용한 경우에만 됩니다.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
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
    <message>
        <source>Note</source>
        <translation>상담 메모</translation>
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
    <message>
        <source>Needs attention: the server could not save a note after %1 tries. %2 The note is kept and retried automatically; your other notes are still sent.</source>
        <translation>확인 필요: 서버가 메모 하나를 %1번 시도해도 저장하지 못했습니다. %2 메모는 보관되어 자동으로 재시도되며, 다른 메모는 계속 전송됩니다.</translation>
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
    <message>
        <source>Products</source>
        <translation>가입 상품</translation>
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
    <name>agentdesk::widgets::QueueCard</name>
    <message>
        <source>SL: answered within %1 s</source>
        <comment>service level (서비스 레벨) definition: answered within T seconds</comment>
        <translation>서비스 레벨: %1초 이내 응답</translation>
    </message>
    <message>
        <source>Waiting calls</source>
        <comment>대기 호: calls waiting in the queue</comment>
        <translation>대기 호</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <comment>최장 대기시간: age of the oldest waiting call</comment>
        <translation>최장 대기시간</translation>
    </message>
    <message>
        <source>Expected wait</source>
        <comment>예상 대기시간 (EWT) for a new caller</comment>
        <translation>예상 대기시간</translation>
    </message>
    <message>
        <source>Service level</source>
        <comment>서비스 레벨 (% answered within the threshold)</comment>
        <translation>서비스 레벨</translation>
    </message>
    <message>
        <source>Abandon rate</source>
        <comment>포기율: abandoned ÷ offered</comment>
        <translation>포기율</translation>
    </message>
    <message>
        <source>ASA</source>
        <comment>평균 응답 속도 (average speed of answer); keep short</comment>
        <translation>평균 응답 시간</translation>
    </message>
    <message>
        <source>AHT</source>
        <comment>평균 처리 시간 (average handle time); keep short</comment>
        <translation>평균 처리 시간</translation>
    </message>
    <message>
        <source>Answered / offered</source>
        <comment>응답 호 / 인입 호 today</comment>
        <translation>응답 / 인입</translation>
    </message>
    <message>
        <source>Average speed of answer: mean wait of answered calls today</source>
        <translation>평균 응답 시간(ASA): 금일 응답한 호의 평균 대기시간</translation>
    </message>
    <message>
        <source>Average handle time: mean talk + hold + after-call work today</source>
        <translation>평균 처리 시간(AHT): 금일 통화 + 보류 + 후처리 시간의 평균</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::QueueCharts</name>
    <message>
        <source>Waiting calls, last 60 minutes</source>
        <comment>chart title; 대기 호</comment>
        <translation>대기 호 (최근 60분)</translation>
    </message>
    <message>
        <source>Service level, last 60 minutes</source>
        <comment>chart title; 서비스 레벨</comment>
        <translation>서비스 레벨 (최근 60분)</translation>
    </message>
    <message>
        <source>%</source>
        <comment>axis title of the service level chart</comment>
        <translation>%</translation>
    </message>
    <message>
        <source>SL threshold</source>
        <comment>the team lead&apos;s service level limit, dashed line</comment>
        <translation>서비스 레벨 기준</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::QueueGlance</name>
    <message>
        <source>%1: %2 waiting, longest %3</source>
        <comment>queue: calls waiting, longest wait</comment>
        <translation>%1: 대기 %2건, 최장 %3</translation>
    </message>
    <message>
        <source>No calls waiting</source>
        <translation>대기 호 없음</translation>
    </message>
    <message>
        <source>Waiting %1 · longest %2</source>
        <comment>calls waiting in my queues</comment>
        <translation>대기 %1 · 최장 %2</translation>
    </message>
    <message>
        <source>None of your queues has figures yet.</source>
        <translation>내 큐의 현황이 아직 없습니다.</translation>
    </message>
    <message>
        <source>Your queues</source>
        <translation>내 큐</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::QueueMonitorView</name>
    <message>
        <source>Live · updated %1</source>
        <comment>the figures come live from the server</comment>
        <translation>실시간 · %1 갱신</translation>
    </message>
    <message>
        <source>Queues</source>
        <comment>title of the queue monitor (큐 모니터)</comment>
        <translation>큐 모니터</translation>
    </message>
    <message>
        <source>No queue figures yet.</source>
        <translation>아직 큐 현황 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>Waiting for live figures…</source>
        <translation>실시간 데이터를 기다리는 중…</translation>
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
    <name>agentdesk::widgets::ScenarioList</name>
    <message>
        <source>Running</source>
        <comment>demo scenario is running</comment>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <comment>%1 = scenario title</comment>
        <translation>실행 중: %1</translation>
    </message>
    <message>
        <source>No scenario is running.</source>
        <translation>실행 중인 시나리오가 없습니다.</translation>
    </message>
    <message>
        <source>The server has no demo scenarios.</source>
        <translation>서버에 데모 시나리오가 없습니다.</translation>
    </message>
    <message>
        <source>The scenarios could not be loaded from the server.</source>
        <translation>서버에서 시나리오를 불러올 수 없습니다.</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <comment>demo scenarios for training (시나리오)</comment>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>호 수</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>&amp;Start scenario</source>
        <translation>시나리오 시작(&amp;S)</translation>
    </message>
    <message>
        <source>Start the selected scenario: its calls arrive on the server&apos;s clock</source>
        <translation>선택한 시나리오를 시작합니다. 호는 서버 시각에 맞춰 인입됩니다</translation>
    </message>
    <message>
        <source>S&amp;top demo</source>
        <translation>데모 중지(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the running scenario and the call generator</source>
        <translation>실행 중인 시나리오와 호 생성기를 중지합니다</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ScoreInput</name>
    <message>
        <source>—</source>
        <comment>score not set yet</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Score 0–100. Type a number or use the slider.</source>
        <translation>점수 0–100. 숫자를 입력하거나 슬라이더를 사용하세요.</translation>
    </message>
    <message>
        <source>%1 score (slider)</source>
        <comment>accessible name; %1 is a quality dimension</comment>
        <translation>%1 점수 (슬라이더)</translation>
    </message>
    <message>
        <source>%1 score</source>
        <comment>accessible name; %1 is a quality dimension</comment>
        <translation>%1 점수</translation>
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
    <message>
        <source>Allow unencrypted http:// to another computer</source>
        <translation>다른 컴퓨터로의 암호화되지 않은 http:// 연결 허용</translation>
    </message>
    <message>
        <source>Warning: over http:// anyone on the network can read passwords and customer data. Allow it only on a closed test network.</source>
        <translation>경고: http://에서는 네트워크의 누구나 비밀번호와 고객 정보를 읽을 수 있습니다. 외부와 분리된 테스트 네트워크에서만 허용하세요.</translation>
    </message>
    <message>
        <source>Key for: %1</source>
        <comment>accessible name of a shortcut editor</comment>
        <translation>단축키: %1</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Look</source>
        <comment>light, dark or high-contrast colours</comment>
        <translation>화면 모양</translation>
    </message>
    <message>
        <source>As the system (light or dark mode)</source>
        <translation>시스템 설정대로 (밝은/어두운 모드)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>고대비</translation>
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
    <message>
        <source>Team lead</source>
        <translation>팀장</translation>
    </message>
    <message>
        <source>%1 is listening</source>
        <comment>team lead monitoring: 모니터링 중</comment>
        <translation>모니터링 중: %1</translation>
    </message>
    <message>
        <source>%1 is coaching you (caller cannot hear)</source>
        <comment>whisper: 코칭 중</comment>
        <translation>코칭 중: %1 (고객에게는 들리지 않음)</translation>
    </message>
    <message>
        <source>%1 joined the call</source>
        <comment>barge-in: 3자 통화 참여</comment>
        <translation>3자 통화 참여: %1</translation>
    </message>
    <message>
        <source>Phone connected · ext. %1</source>
        <comment>SIP phone registered: 전화기 연결됨</comment>
        <translation>전화기 연결됨 · 내선 %1</translation>
    </message>
    <message>
        <source>Phone not connected · ext. %1</source>
        <comment>SIP phone not registered: 전화기 연결 안 됨</comment>
        <translation>전화기 연결 안 됨 · 내선 %1</translation>
    </message>
    <message>
        <source>Calls ring on your phone; answer there or with Answer here</source>
        <translation>전화가 전화기로 울립니다. 전화기에서 받거나 여기에서 응답을 누르세요</translation>
    </message>
    <message>
        <source>Connect (register) your phone to take calls: you cannot go ready without it</source>
        <translation>전화를 받으려면 전화기를 연결(등록)하세요. 전화기 없이는 수신 대기로 전환할 수 없습니다</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>통화 시간</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>state: caller</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Softphone: %1</source>
        <comment>accessible name of the bar</comment>
        <translation>소프트폰: %1</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SupervisionBar</name>
    <message>
        <source>The call ended; supervision stopped.</source>
        <translation>통화가 종료되어 모니터링이 중지되었습니다.</translation>
    </message>
    <message>
        <source>No agent selected</source>
        <translation>선택된 상담사 없음</translation>
    </message>
    <message>
        <source>%1 — %2&apos;s call</source>
        <comment>e.g. &quot;Listening — 김하늘&apos;s call&quot;</comment>
        <translation>%1 — %2 상담사 통화</translation>
    </message>
    <message>
        <source>Asking to join %1&apos;s call (%2)…</source>
        <translation>%1 상담사 통화에 참여 요청 중 (%2)…</translation>
    </message>
    <message>
        <source>Could not join the call: %1</source>
        <translation>통화에 참여할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Leaving the call…</source>
        <translation>통화에서 나가는 중…</translation>
    </message>
    <message>
        <source>Could not leave the call: %1</source>
        <translation>통화에서 나갈 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Supervision stopped.</source>
        <translation>모니터링을 중지했습니다.</translation>
    </message>
    <message>
        <source>Listen</source>
        <comment>supervision: 감청 — hear the call, nobody hears the lead</comment>
        <translation>모니터링(청취)</translation>
    </message>
    <message>
        <source>Hear the call; neither the counselor nor the caller hears you</source>
        <translation>통화를 청취합니다. 상담사와 고객 모두 내 목소리를 듣지 못합니다</translation>
    </message>
    <message>
        <source>Whisper</source>
        <comment>supervision: 코칭 — only the counselor hears the lead</comment>
        <translation>코칭(귓속말)</translation>
    </message>
    <message>
        <source>Speak to the counselor only; the caller does not hear you</source>
        <translation>상담사에게만 말합니다. 고객은 듣지 못합니다</translation>
    </message>
    <message>
        <source>Barge in</source>
        <comment>supervision: 3자 개입 — everyone hears the lead</comment>
        <translation>3자 통화(끼어들기)</translation>
    </message>
    <message>
        <source>Join the conversation; the counselor and the caller hear you</source>
        <translation>통화에 참여합니다. 상담사와 고객 모두 내 목소리를 듣습니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>stop listening/whispering/barging</comment>
        <translation>중지</translation>
    </message>
    <message>
        <source>Select an agent on a call to listen, whisper or barge in.</source>
        <translation>모니터링, 코칭 또는 3자 통화를 하려면 통화 중인 상담사를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ThresholdsEditor</name>
    <message>
        <source>Alert when</source>
        <comment>start of the threshold row: 경고 기준</comment>
        <translation>경고 기준</translation>
    </message>
    <message>
        <source>SL below</source>
        <comment>service level (서비스 레벨) under this percentage</comment>
        <translation>서비스 레벨 하한</translation>
    </message>
    <message>
        <source>Longest wait over</source>
        <comment>최장 대기시간 over this many seconds</comment>
        <translation>최장 대기시간 상한</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds unit after a number</comment>
        <translation> 초</translation>
    </message>
    <message>
        <source>Waiting over</source>
        <comment>more waiting calls (대기 호) than this</comment>
        <translation>대기 호 상한</translation>
    </message>
    <message>
        <source>Abandon rate over</source>
        <comment>포기율 over this percentage</comment>
        <translation>포기율 상한</translation>
    </message>
    <message>
        <source>Figures past these limits turn amber; far past them, red.</source>
        <translation>기준을 넘으면 주황색, 크게 넘으면 빨간색으로 표시됩니다.</translation>
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
    <message>
        <source>Copy note</source>
        <translation>메모 복사</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TodayFigures</name>
    <message>
        <source>Today %1 calls · AHT %2 · missed %3</source>
        <comment>my figures for today</comment>
        <translation>오늘 %1건 · 평균 처리 %2 · 미응답 %3</translation>
    </message>
    <message>
        <source>Your figures for today: calls handled, average handle time (talk, hold and after-call work), calls that rang out without an answer.</source>
        <translation>오늘 내 실적: 처리한 통화, 평균 처리 시간(통화·보류·후처리), 응답하지 못한 호</translation>
    </message>
    <message>
        <source>Your figures for today</source>
        <translation>오늘 내 실적</translation>
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
    <message>
        <source>The transfer cannot be completed now.</source>
        <translation>지금은 호전환을 완료할 수 없습니다.</translation>
    </message>
    <message>
        <source>Talk first</source>
        <comment>attended transfer: talk with the target, then complete</comment>
        <translation>상담 후 전환</translation>
    </message>
    <message>
        <source>The caller waits on hold while you talk to the target; then complete the transfer or go back to the caller</source>
        <translation>고객은 보류 상태로 대기하고 전환 대상과 먼저 통화합니다. 이후 호전환을 완료하거나 고객에게 돌아갑니다</translation>
    </message>
    <message>
        <source>Complete transfer</source>
        <comment>hands the caller to the consulted target</comment>
        <translation>호전환 완료</translation>
    </message>
    <message>
        <source>You are talking to the target; the caller is on hold. Complete the transfer, or go back to the caller.</source>
        <translation>전환 대상과 통화 중입니다. 고객은 보류 중입니다. 호전환을 완료하거나 고객에게 돌아가세요.</translation>
    </message>
    <message>
        <source>Calling the target; the caller is on hold.</source>
        <translation>전환 대상을 호출하는 중입니다. 고객은 보류 중입니다.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TrendChart</name>
    <message>
        <source>Trend</source>
        <comment>evaluation scores over time; 추이</comment>
        <translation>추이</translation>
    </message>
    <message>
        <source>Average of five scores</source>
        <translation>5개 항목 평균</translation>
    </message>
    <message>
        <source>Empathy</source>
        <comment>KSQI dimension, Korean: 공감</comment>
        <translation>공감</translation>
    </message>
    <message>
        <source>Empathy for excellent (80)</source>
        <comment>Excellent = 우수</comment>
        <translation>우수 기준 공감 (80)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>One point per evaluation, oldest on the left.</source>
        <translation>평가 1건당 점 하나이며, 가장 오래된 평가가 왼쪽에 있습니다.</translation>
    </message>
    <message>
        <source>Evaluation (oldest first)</source>
        <comment>x axis: the n-th evaluation</comment>
        <translation>평가 회차 (오래된 순)</translation>
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
