<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AlertTexts</name>
    <message>
        <source>Abuse warning</source>
        <comment>alert kind; 폭언 경고 (the counselor played the warning)</comment>
        <translation>Abuse warning</translation>
    </message>
    <message>
        <source>Call ended for abuse</source>
        <comment>alert kind; 폭언으로 상담사가 통화 종료</comment>
        <translation>Call ended for abuse</translation>
    </message>
    <message>
        <source>Missed call</source>
        <comment>alert kind; 미응답 (a counselor did not answer in time)</comment>
        <translation>Missed call</translation>
    </message>
    <message>
        <source>Long wait</source>
        <comment>alert kind; 장기 대기 (a caller waits too long in the queue)</comment>
        <translation>Long wait</translation>
    </message>
    <message>
        <source>Service level below target</source>
        <comment>alert kind; 서비스 레벨 미달</comment>
        <translation>Service level below target</translation>
    </message>
    <message>
        <source>%1 played the abuse warning to the caller.</source>
        <comment>%1 = counselor&apos;s name</comment>
        <translation>%1 played the abuse warning to the caller.</translation>
    </message>
    <message>
        <source>%1 ended the call after abuse warnings. Check on the counselor.</source>
        <comment>%1 = counselor&apos;s name</comment>
        <translation>%1 ended the call after abuse warnings. Check on the counselor.</translation>
    </message>
    <message>
        <source>%1 did not answer in time and was set to Not ready; the call went back to the queue.</source>
        <comment>%1 = counselor&apos;s name; Not ready = 이석</comment>
        <translation>%1 did not answer in time and was set to Not ready; the call went back to the queue.</translation>
    </message>
    <message>
        <source>A caller has been waiting too long in %1.</source>
        <comment>%1 = queue name</comment>
        <translation>A caller has been waiting too long in %1.</translation>
    </message>
    <message>
        <source>The service level of %1 fell below its target.</source>
        <comment>%1 = queue name</comment>
        <translation>The service level of %1 fell below its target.</translation>
    </message>
    <message>
        <source>Critical</source>
        <comment>alert severity</comment>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <comment>alert severity</comment>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Information</source>
        <comment>alert severity</comment>
        <translation>Information</translation>
    </message>
    <message>
        <source>Abuse detected</source>
        <comment>alert kind; 폭언 감지 (agent assist heard abusive language)</comment>
        <translation>Abuse detected</translation>
    </message>
    <message>
        <source>Upset customer</source>
        <comment>alert kind; 고객 불만 고조 (negative lines in a row)</comment>
        <translation>Upset customer</translation>
    </message>
    <message>
        <source>Protection rest</source>
        <comment>alert kind; 보호 휴식 (rest after an abusive call)</comment>
        <translation>Protection rest</translation>
    </message>
    <message>
        <source>Abusive language on %1&apos;s call. Consider listening in.</source>
        <comment>%1 = counselor&apos;s name</comment>
        <translation>Abusive language on %1&apos;s call. Consider listening in.</translation>
    </message>
    <message>
        <source>The customer on %1&apos;s call has been upset for %2 turns in a row.</source>
        <comment>%1 = counselor&apos;s name, %2 = number of turns</comment>
        <translation>The customer on %1&apos;s call has been upset for %2 turns in a row.</translation>
    </message>
    <message>
        <source>%1 is resting after an abusive call (%2 minutes); no calls are routed.</source>
        <comment>%1 = counselor&apos;s name, %2 = minutes</comment>
        <translation>%1 is resting after an abusive call (%2 minutes); no calls are routed.</translation>
    </message>
</context>
<context>
    <name>AssistTexts</name>
    <message>
        <source>negative</source>
        <translation>negative</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positive</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>improving</source>
        <translation>improving</translation>
    </message>
    <message>
        <source>worsening</source>
        <translation>worsening</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>steady</translation>
    </message>
    <message>
        <source>Insult</source>
        <translation>Insult</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Threat</translation>
    </message>
    <message>
        <source>Sexual harassment</source>
        <translation>Sexual harassment</translation>
    </message>
    <message>
        <source>Profanity</source>
        <translation>Profanity</translation>
    </message>
    <message>
        <source>Counselor</source>
        <translation>Counselor</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Customer mood: %1</source>
        <translation>Customer mood: %1</translation>
    </message>
    <message>
        <source>Customer mood: %1, %2</source>
        <translation>Customer mood: %1, %2</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Session expired</translation>
    </message>
</context>
<context>
    <name>CustomerTexts</name>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>Mobile plan</source>
        <translation>Mobile plan</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>case status</comment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>case status</comment>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>case status</comment>
        <translation>Closed</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>High priority</translation>
    </message>
    <message>
        <source>Normal priority</source>
        <translation>Normal priority</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Low priority</translation>
    </message>
    <message>
        <source>Memo</source>
        <comment>a note written without a call</comment>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <comment>발신</comment>
        <translation>Outbound call</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <comment>인입 콜</comment>
        <translation>Inbound call</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Transferred</source>
        <comment>호전환</comment>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Ended by agent (abuse)</source>
        <comment>상담원 선종료</comment>
        <translation>Ended by agent (abuse)</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <comment>포기호</comment>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>phone label</comment>
        <translation>Other</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>E-mail</source>
        <comment>consent to e-mail</comment>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Third parties</source>
        <comment>consent to share with third parties</comment>
        <translation>Third parties</translation>
    </message>
    <message>
        <source>Recording</source>
        <comment>consent to call recording</comment>
        <translation>Recording</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>customer grade</comment>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Silver</source>
        <comment>customer grade</comment>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>customer grade</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Not an e-mail address (name@example.com).</source>
        <translation>Not an e-mail address (name@example.com).</translation>
    </message>
    <message>
        <source>Not a Korean phone number.</source>
        <translation>Not a Korean phone number.</translation>
    </message>
    <message>
        <source>This number is listed twice.</source>
        <translation>This number is listed twice.</translation>
    </message>
    <message>
        <source>A past date as YYYY-MM-DD.</source>
        <translation>A past date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Give 1 to 5 phone numbers.</source>
        <translation>Give 1 to 5 phone numbers.</translation>
    </message>
    <message>
        <source>Only one number can be primary.</source>
        <translation>Only one number can be primary.</translation>
    </message>
    <message>
        <source>Cannot be left empty.</source>
        <translation>Cannot be left empty.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server&apos;s certificate could not be verified (TLS). Check the server address, or trust its CA in the settings.</source>
        <translation>The server&apos;s certificate could not be verified (TLS). Check the server address, or trust its CA in the settings.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again.</source>
        <translation>The server did not answer in time. Try again.</translation>
    </message>
    <message>
        <source>The server name could not be found. Check the server address.</source>
        <translation>The server name could not be found. Check the server address.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>The server cannot be reached. Check the address and the network.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand.</source>
        <translation>The server sent an answer this app does not understand.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Your session has expired. Log in again.</source>
        <translation>Your session has expired. Log in again.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <source>Not found: it may have been removed or moved on.</source>
        <translation>Not found: it may have been removed or moved on.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime.</source>
        <translation>Someone else changed this in the meantime.</translation>
    </message>
    <message>
        <source>Not possible right now: the call or your state has moved on.</source>
        <translation>Not possible right now: the call or your state has moved on.</translation>
    </message>
    <message>
        <source>Too large to send.</source>
        <translation>Too large to send.</translation>
    </message>
    <message>
        <source>Some fields are not valid; see the marked fields.</source>
        <translation>Some fields are not valid; see the marked fields.</translation>
    </message>
    <message>
        <source>Too many requests. Try again in a moment.</source>
        <translation>Too many requests. Try again in a moment.</translation>
    </message>
    <message>
        <source>The server had a problem (%1). Try again.</source>
        <translation>The server had a problem (%1). Try again.</translation>
    </message>
    <message>
        <source>The request was refused (%1).</source>
        <translation>The request was refused (%1).</translation>
    </message>
</context>
<context>
    <name>EvaluationTexts</name>
    <message>
        <source>Greeting</source>
        <comment>KSQI dimension, Korean: 맞이인사</comment>
        <translation>Greeting</translation>
    </message>
    <message>
        <source>Attitude</source>
        <comment>KSQI dimension, Korean: 상담태도</comment>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>Handling</source>
        <comment>KSQI dimension (handling/resolution), Korean: 업무처리</comment>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Closing</source>
        <comment>KSQI dimension, Korean: 종료태도</comment>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Empathy</source>
        <comment>KSQI dimension, Korean: 공감</comment>
        <translation>Empathy</translation>
    </message>
    <message>
        <source>Average</source>
        <comment>mean of the five evaluation scores</comment>
        <translation>Average</translation>
    </message>
    <message>
        <source>Service</source>
        <comment>KSQI service score: mean of greeting, attitude, handling, closing</comment>
        <translation>Service</translation>
    </message>
    <message>
        <source>Opening: greeting, introducing oneself, identifying the customer.</source>
        <translation>Opening: greeting, introducing oneself, identifying the customer.</translation>
    </message>
    <message>
        <source>Tone, courtesy and listening during the call.</source>
        <translation>Tone, courtesy and listening during the call.</translation>
    </message>
    <message>
        <source>Understanding the request and resolving it correctly.</source>
        <translation>Understanding the request and resolving it correctly.</translation>
    </message>
    <message>
        <source>Summary, further help offered, closing greeting.</source>
        <translation>Summary, further help offered, closing greeting.</translation>
    </message>
    <message>
        <source>Recognising and responding to the customer&apos;s feelings (scored separately).</source>
        <translation>Recognising and responding to the customer&apos;s feelings (scored separately).</translation>
    </message>
    <message>
        <source>Service = mean of greeting, attitude, handling and closing.
Excellent: service ≥ 92 and empathy ≥ 80 (KSQI).</source>
        <comment>KSQI grade rule; Excellent = 우수</comment>
        <translation>Service = mean of greeting, attitude, handling and closing.
Excellent: service ≥ 92 and empathy ≥ 80 (KSQI).</translation>
    </message>
    <message>
        <source>Excellent</source>
        <comment>KSQI grade, Korean: 우수</comment>
        <translation>Excellent</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 (customer)</source>
        <comment>honorific: 고객님 after the name in Korean</comment>
        <translation>%1 (customer)</translation>
    </message>
</context>
<context>
    <name>MonitorTexts</name>
    <message>
        <source>unknown</source>
        <comment>expected wait time (예상 대기시간) cannot be estimated yet</comment>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Listening</source>
        <comment>supervision mode: 감청 (the lead hears the call)</comment>
        <translation>Listening</translation>
    </message>
    <message>
        <source>Whispering</source>
        <comment>supervision mode: 코칭/귓속말 (only the counselor hears the lead)</comment>
        <translation>Whispering</translation>
    </message>
    <message>
        <source>Barged in</source>
        <comment>supervision mode: 3자 통화 개입 (everyone hears the lead)</comment>
        <translation>Barged in</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Go ready</source>
        <translation>Go ready</translation>
    </message>
    <message>
        <source>Go not ready</source>
        <translation>Go not ready</translation>
    </message>
    <message>
        <source>Answer the ringing call</source>
        <translation>Answer the ringing call</translation>
    </message>
    <message>
        <source>Reject the ringing call</source>
        <translation>Reject the ringing call</translation>
    </message>
    <message>
        <source>Hold / resume</source>
        <translation>Hold / resume</translation>
    </message>
    <message>
        <source>Mute / unmute</source>
        <translation>Mute / unmute</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Keypad (DTMF)</source>
        <translation>Keypad (DTMF)</translation>
    </message>
    <message>
        <source>Pause / resume recording</source>
        <translation>Pause / resume recording</translation>
    </message>
    <message>
        <source>Play the abuse warning</source>
        <translation>Play the abuse warning</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Search customers</translation>
    </message>
    <message>
        <source>Search knowledge</source>
        <translation>Search knowledge</translation>
    </message>
    <message>
        <source>Go to the note</source>
        <translation>Go to the note</translation>
    </message>
    <message>
        <source>Insert the article selection into the note</source>
        <translation>Insert the article selection into the note</translation>
    </message>
    <message>
        <source>Save the note and wrap up</source>
        <translation>Save the note and wrap up</translation>
    </message>
</context>
<context>
    <name>SoftphoneTexts</name>
    <message>
        <source>Not ready</source>
        <comment>agent state: 이석/준비 안 됨</comment>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>agent state: 대기</comment>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Ringing</source>
        <comment>agent state: 호 수신 중</comment>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>On call</source>
        <comment>agent state: 통화 중</comment>
        <translation>On call</translation>
    </message>
    <message>
        <source>After-call work</source>
        <comment>agent state: 후처리</comment>
        <translation>After-call work</translation>
    </message>
    <message>
        <source>Logged out</source>
        <comment>agent state: 로그아웃</comment>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message numerus="yes">
        <source>%n possible customers</source>
        <comment>several customers share the caller&apos;s number</comment>
        <translation>
            <numerusform>%n possible customers</numerusform>
            <numerusform>%n possible customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <comment>no customer has the caller&apos;s number</comment>
        <translation>Unknown caller</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Hold</source>
        <comment>보류</comment>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Mute</source>
        <comment>음소거</comment>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Abuse warning</source>
        <comment>폭언 경고</comment>
        <translation>Abuse warning</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>호전환</comment>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <source>Recording pause</source>
        <comment>녹음 일시정지</comment>
        <translation>Recording pause</translation>
    </message>
    <message>
        <source>Go ready</source>
        <translation>Go ready</translation>
    </message>
    <message>
        <source>Go not ready</source>
        <translation>Go not ready</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
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
        <translation>Demo contact center ready.</translation>
    </message>
    <message>
        <source>The demo contact center could not start: %1</source>
        <translation>The demo contact center could not start: %1</translation>
    </message>
    <message>
        <source>Starting the demo contact center…</source>
        <translation>Starting the demo contact center…</translation>
    </message>
    <message>
        <source>AgentDesk alert</source>
        <translation>AgentDesk alert</translation>
    </message>
    <message>
        <source>This server address is not encrypted (http://). Use https://, or allow unencrypted connections in Settings.</source>
        <translation>This server address is not encrypted (http://). Use https://, or allow unencrypted connections in Settings.</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::DesktopNotifier</name>
    <message>
        <source>Incoming call — %1</source>
        <translation>Incoming call — %1</translation>
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
        <translation>Notes waiting to be sent: %1</translation>
    </message>
    <message>
        <source>All notes sent</source>
        <translation>All notes sent</translation>
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
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Search customers</translation>
    </message>
    <message>
        <source>Search knowledge</source>
        <translation>Search knowledge</translation>
    </message>
    <message>
        <source>%1 (%2) · extension %3</source>
        <translation>%1 (%2) · extension %3</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::SupervisorWindow</name>
    <message>
        <source>AgentDesk — trainer — %1</source>
        <translation>AgentDesk — trainer — %1</translation>
    </message>
    <message>
        <source>AgentDesk — team lead — %1</source>
        <translation>AgentDesk — team lead — %1</translation>
    </message>
    <message>
        <source>Queues and alerts (%1)</source>
        <translation>Queues and alerts (%1)</translation>
    </message>
    <message>
        <source>Queues and alerts</source>
        <translation>Queues and alerts</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Demo console</source>
        <translation>Demo console</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>&amp;AgentDesk</source>
        <translation>&amp;AgentDesk</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>%1 (%2) · trainer</source>
        <translation>%1 (%2) · trainer</translation>
    </message>
    <message>
        <source>%1 (%2) · team lead</source>
        <translation>%1 (%2) · team lead</translation>
    </message>
    <message>
        <source>Login lockouts…</source>
        <translation>Login lockouts…</translation>
    </message>
</context>
<context>
    <name>agentdesk::app::TelLinkDialer</name>
    <message>
        <source>Log in to call %1: the call starts once you are logged in.</source>
        <translation>Log in to call %1: the call starts once you are logged in.</translation>
    </message>
    <message>
        <source>%1 was not dialled: calls from links are made in a counselor&apos;s window.</source>
        <translation>%1 was not dialled: calls from links are made in a counselor&apos;s window.</translation>
    </message>
    <message>
        <source>%1 was not dialled: the link was clicked more than 10 minutes ago. The number is in the customer search box.</source>
        <translation>%1 was not dialled: the link was clicked more than 10 minutes ago. The number is in the customer search box.</translation>
    </message>
    <message>
        <source>%1 was not dialled: AgentDesk is not connected to the server. The number is in the customer search box.</source>
        <translation>%1 was not dialled: AgentDesk is not connected to the server. The number is in the customer search box.</translation>
    </message>
    <message>
        <source>%1 was not dialled: a call is in progress. The number is in the customer search box; call it when you are done.</source>
        <translation>%1 was not dialled: a call is in progress. The number is in the customer search box; call it when you are done.</translation>
    </message>
    <message>
        <source>Calling %1 (from a link).</source>
        <translation>Calling %1 (from a link).</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AgentGridProxy</name>
    <message>
        <source>After-call work for longer than %1</source>
        <comment>후처리 too long</comment>
        <translation>After-call work for longer than %1</translation>
    </message>
    <message>
        <source>Not ready for longer than %1</source>
        <comment>이석 too long</comment>
        <translation>Not ready for longer than %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <comment>column: 상담사</comment>
        <translation>Agent</translation>
    </message>
    <message>
        <source>State</source>
        <comment>column: 상태</comment>
        <translation>State</translation>
    </message>
    <message>
        <source>In state</source>
        <comment>column: time in the current state (상태 유지 시간)</comment>
        <translation>In state</translation>
    </message>
    <message>
        <source>Call</source>
        <comment>column: duration of the current call (통화 시간)</comment>
        <translation>Call</translation>
    </message>
    <message>
        <source>Queue</source>
        <comment>column: 큐</comment>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Customer</source>
        <comment>column: 고객</comment>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Handled today</source>
        <comment>column: calls handled today (금일 처리 호)</comment>
        <translation>Handled today</translation>
    </message>
    <message>
        <source>AHT today</source>
        <comment>column: average handle time today (금일 평균 처리 시간)</comment>
        <translation>AHT today</translation>
    </message>
    <message>
        <source>Supervision</source>
        <comment>column: listen/whisper/barge by a lead (모니터링)</comment>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Customer mood</source>
        <comment>column: live call&apos;s customer sentiment (고객 감정)</comment>
        <translation>Customer mood</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AgentGridView</name>
    <message numerus="yes">
        <source>%1 of %n agents</source>
        <comment>shown of all</comment>
        <translation>
            <numerusform>%1 of %n agents</numerusform>
            <numerusform>%1 of %n agents</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by name, extension or customer</source>
        <translation>Filter by name, extension or customer</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <comment>long after-call work or long not ready</comment>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Show leads and trainers</source>
        <translation>Show leads and trainers</translation>
    </message>
    <message>
        <source>Long ACW after</source>
        <comment>후처리 longer than this is highlighted</comment>
        <translation>Long ACW after</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds unit after a number</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Long not ready after</source>
        <comment>이석 longer than this is highlighted</comment>
        <translation>Long not ready after</translation>
    </message>
    <message>
        <source> min</source>
        <comment>minutes unit after a number</comment>
        <translation> min</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>Filter agents</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AlertTableModel</name>
    <message>
        <source>Acknowledged</source>
        <comment>alert status; 확인함</comment>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>New</source>
        <comment>alert status: not acknowledged yet; 신규</comment>
        <translation>New</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Counselor</source>
        <comment>상담사</comment>
        <translation>Counselor</translation>
    </message>
    <message>
        <source>Queue</source>
        <comment>대기열</comment>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts since %1.</source>
        <comment>a row of repeated alerts: how many, since when</comment>
        <translation>
            <numerusform>%n alerts since %1.</numerusform>
            <numerusform>%n alerts since %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <comment>tooltip of a row of repeated alerts</comment>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <comment>a row of alerts about several calls</comment>
        <translation>
            <numerusform>%n calls</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message>
        <source>Count</source>
        <comment>how many alerts a row groups (건수)</comment>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AlertsPanel</name>
    <message numerus="yes">
        <source>%n new</source>
        <comment>alerts not acknowledged yet (미확인)</comment>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message>
        <source>No new alerts</source>
        <translation>No new alerts</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>severity · time · new/acknowledged</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <comment>alert status; 확인함</comment>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>New</source>
        <comment>alert status: not acknowledged yet; 신규</comment>
        <translation>New</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Alerts</source>
        <comment>team lead&apos;s alert list (알림)</comment>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>All alerts</translation>
    </message>
    <message>
        <source>New only</source>
        <comment>alerts not acknowledged yet</comment>
        <translation>New only</translation>
    </message>
    <message>
        <source>Warnings and critical</source>
        <translation>Warnings and critical</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all</source>
        <comment>mark every alert as seen (모두 확인)</comment>
        <translation>Acknowledge &amp;all</translation>
    </message>
    <message>
        <source>Mark every alert as seen</source>
        <translation>Mark every alert as seen</translation>
    </message>
    <message>
        <source>No alerts. Abuse warnings, calls ended for abuse, missed calls, long waits and service-level breaches appear here as they happen.</source>
        <translation>No alerts. Abuse warnings, calls ended for abuse, missed calls, long waits and service-level breaches appear here as they happen.</translation>
    </message>
    <message>
        <source>Select an alert to see what happened. Double-click it or press Enter to open the counselor and the call.</source>
        <translation>Select an alert to see what happened. Double-click it or press Enter to open the counselor and the call.</translation>
    </message>
    <message>
        <source>Counselor:</source>
        <comment>상담사</comment>
        <translation>Counselor:</translation>
    </message>
    <message>
        <source>Queue:</source>
        <comment>대기열</comment>
        <translation>Queue:</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>Call:</translation>
    </message>
    <message>
        <source>Server:</source>
        <comment>the server&apos;s own message about the alert</comment>
        <translation>Server:</translation>
    </message>
    <message>
        <source>&amp;Open counselor and call</source>
        <translation>&amp;Open counselor and call</translation>
    </message>
    <message>
        <source>Show the counselor in the agent grid and the call this alert is about</source>
        <translation>Show the counselor in the agent grid and the call this alert is about</translation>
    </message>
    <message>
        <source>A&amp;cknowledge</source>
        <comment>mark the alert as seen (확인)</comment>
        <translation>A&amp;cknowledge</translation>
    </message>
    <message numerus="yes">
        <source>%n older alerts of this row are no longer kept.</source>
        <comment>the alert history is full; the oldest repeats were let go</comment>
        <translation>
            <numerusform>%n older alerts of this row are no longer kept.</numerusform>
            <numerusform>%n older alerts of this row are no longer kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;lerts in this row:</source>
        <comment>a grouped row&apos;s alerts, newest first; each one opens</comment>
        <translation>A&amp;lerts in this row:</translation>
    </message>
    <message>
        <source>Double-click an alert to open its counselor and call</source>
        <translation>Double-click an alert to open its counselor and call</translation>
    </message>
    <message>
        <source>Alerts in this row</source>
        <comment>accessible name of the list of a grouped row&apos;s alerts</comment>
        <translation>Alerts in this row</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ArticleView</name>
    <message>
        <source>Links outside the knowledge base are not opened here.</source>
        <translation>Links outside the knowledge base are not opened here.</translation>
    </message>
    <message>
        <source>Opening the article…</source>
        <translation>Opening the article…</translation>
    </message>
    <message>
        <source>Feedback needs the connection to the server.</source>
        <translation>Feedback needs the connection to the server.</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>← Results</source>
        <comment>Back from an article to the search results</comment>
        <translation>← Results</translation>
    </message>
    <message>
        <source>Back to the search results (%1)</source>
        <translation>Back to the search results (%1)</translation>
    </message>
    <message>
        <source>From saved copy</source>
        <comment>The article was opened from the local cache</comment>
        <translation>From saved copy</translation>
    </message>
    <message>
        <source>The server could not be reached; this is the copy saved when the article was last opened.</source>
        <translation>The server could not be reached; this is the copy saved when the article was last opened.</translation>
    </message>
    <message>
        <source>Was this helpful?</source>
        <translation>Was this helpful?</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>Helpful</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>Not helpful</translation>
    </message>
    <message>
        <source>Thanks for your feedback.</source>
        <translation>Thanks for your feedback.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::AssistDraftBar</name>
    <message>
        <source>Choose this wrap-up code</source>
        <translation>Choose this wrap-up code</translation>
    </message>
    <message>
        <source>Draft written by assist from the call: check it, then edit or accept it.</source>
        <translation>Draft written by assist from the call: check it, then edit or accept it.</translation>
    </message>
    <message>
        <source>Assist drafted a note for this call.</source>
        <translation>Assist drafted a note for this call.</translation>
    </message>
    <message>
        <source>Assist&apos;s wrap-up codes for this call.</source>
        <translation>Assist&apos;s wrap-up codes for this call.</translation>
    </message>
    <message>
        <source>Accept draft</source>
        <translation>Accept draft</translation>
    </message>
    <message>
        <source>Insert draft</source>
        <translation>Insert draft</translation>
    </message>
    <message>
        <source>Suggested codes:</source>
        <translation>Suggested codes:</translation>
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
        <translation>%1 (%2% match)</translation>
    </message>
    <message>
        <source>Open the article in the knowledge panel</source>
        <translation>Open the article in the knowledge panel</translation>
    </message>
    <message>
        <source>✓ %1 (done)</source>
        <translation>✓ %1 (done)</translation>
    </message>
    <message>
        <source>☐ %1 (not yet)</source>
        <translation>☐ %1 (not yet)</translation>
    </message>
    <message>
        <source>Assist</source>
        <translation>Assist</translation>
    </message>
    <message>
        <source>Live transcript</source>
        <translation>Live transcript</translation>
    </message>
    <message>
        <source>Suggested articles</source>
        <translation>Suggested articles</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>The call&apos;s transcript, the customer&apos;s mood and suggestions appear here while you are on a call.</source>
        <translation>The call&apos;s transcript, the customer&apos;s mood and suggestions appear here while you are on a call.</translation>
    </message>
    <message>
        <source>Abusive language detected (%1). You may play the warning to the caller.</source>
        <translation>Abusive language detected (%1). You may play the warning to the caller.</translation>
    </message>
    <message>
        <source>Play warning</source>
        <translation>Play warning</translation>
    </message>
    <message>
        <source>Play warning (%1)</source>
        <translation>Play warning (%1)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcript</translation>
    </message>
    <message>
        <source>Listen to a counselor&apos;s call: its transcript and the customer&apos;s mood appear here.</source>
        <translation>Listen to a counselor&apos;s call: its transcript and the customer&apos;s mood appear here.</translation>
    </message>
    <message>
        <source>The evaluated call&apos;s transcript and checklist appear here (calls with agent assist).</source>
        <translation>The evaluated call&apos;s transcript and checklist appear here (calls with agent assist).</translation>
    </message>
    <message>
        <source>Abusive language detected (%1) on this call.</source>
        <translation>Abusive language detected (%1) on this call.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ConnectionBanner</name>
    <message>
        <source>Log in again</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>Your session has expired. Your notes and drafts are kept; log in again to continue.</source>
        <translation>Your session has expired. Your notes and drafts are kept; log in again to continue.</translation>
    </message>
    <message>
        <source>No connection to the server since %1. Showing saved data; notes are kept and sent when the connection returns. Still trying…</source>
        <translation>No connection to the server since %1. Showing saved data; notes are kept and sent when the connection returns. Still trying…</translation>
    </message>
    <message>
        <source>Connection lost at %1. Reconnecting… Showing saved data; call commands are paused until it is back.</source>
        <translation>Connection lost at %1. Reconnecting… Showing saved data; call commands are paused until it is back.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ConnectionIndicator</name>
    <message>
        <source>Connection to the AgentDesk server</source>
        <translation>Connection to the AgentDesk server</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::Customer360View</name>
    <message>
        <source>Search customers: name, phone or customer number</source>
        <translation>Search customers: name, phone or customer number</translation>
    </message>
    <message>
        <source>Name, phone number or customer number, then Enter</source>
        <translation>Name, phone number or customer number, then Enter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>No customer on screen.
A ringing call shows its caller here; or search by name, phone or customer number.</source>
        <translation>No customer on screen.
A ringing call shows its caller here; or search by name, phone or customer number.</translation>
    </message>
    <message>
        <source>Loading customer…</source>
        <translation>Loading customer…</translation>
    </message>
    <message>
        <source>The customer could not be loaded.
%1</source>
        <translation>The customer could not be loaded.
%1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Products and contracts</source>
        <translation>Products and contracts</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Contact history</source>
        <comment>상담 이력</comment>
        <translation>Contact history</translation>
    </message>
    <message>
        <source>Not possible while offline</source>
        <translation>Not possible while offline</translation>
    </message>
    <message>
        <source>Saved copy from %1 — offline</source>
        <comment>the 360 view shows the locally cached customer</comment>
        <translation>Saved copy from %1 — offline</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Search customers</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::CustomerChooser</name>
    <message>
        <source>%1 belongs to several customers</source>
        <translation>%1 belongs to several customers</translation>
    </message>
    <message>
        <source>Confirm who is calling, then choose the customer (click or Enter).</source>
        <translation>Confirm who is calling, then choose the customer (click or Enter).</translation>
    </message>
    <message>
        <source>None of these: new customer</source>
        <translation>None of these: new customer</translation>
    </message>
    <message>
        <source>match %1%</source>
        <comment>how well the number matches this customer</comment>
        <translation>match %1%</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>⚠ Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>⚠ Abusive history</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::CustomerForm</name>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>No customer has this number yet. Ask for the name and save to register the caller.</source>
        <translation>No customer has this number yet. Ask for the name and save to register the caller.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Only the fields you change are saved.</source>
        <translation>Only the fields you change are saved.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Family name first, e.g. 김민준</source>
        <translation>Family name first, e.g. 김민준</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Numbers are masked for you: they can be changed while you handle this customer&apos;s call.</source>
        <translation>Numbers are masked for you: they can be changed while you handle this customer&apos;s call.</translation>
    </message>
    <message>
        <source>The first number is the primary one.</source>
        <translation>The first number is the primary one.</translation>
    </message>
    <message>
        <source>Add number</source>
        <translation>Add number</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Create customer</source>
        <translation>Create customer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>010-1234-5678</source>
        <translation>010-1234-5678</translation>
    </message>
    <message>
        <source>Remove this number</source>
        <translation>Remove this number</translation>
    </message>
    <message>
        <source>Not possible while offline</source>
        <translation>Not possible while offline</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Please correct the marked fields.</translation>
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
        <translation>Loading the scenarios failed</translation>
    </message>
    <message>
        <source>Reading the generator&apos;s status failed</source>
        <translation>Reading the generator&apos;s status failed</translation>
    </message>
    <message>
        <source>Starting the scenario failed</source>
        <translation>Starting the scenario failed</translation>
    </message>
    <message>
        <source>Stopping the demo failed</source>
        <translation>Stopping the demo failed</translation>
    </message>
    <message>
        <source>Injecting the call failed</source>
        <translation>Injecting the call failed</translation>
    </message>
    <message>
        <source>Setting the arrival rate failed</source>
        <translation>Setting the arrival rate failed</translation>
    </message>
    <message>
        <source>Resetting the demo data failed</source>
        <translation>Resetting the demo data failed</translation>
    </message>
    <message>
        <source>Searching customers failed</source>
        <translation>Searching customers failed</translation>
    </message>
    <message>
        <source>Demo console</source>
        <comment>trainer&apos;s console for demo calls (데모 콘솔)</comment>
        <translation>Demo console</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <comment>large text for a projector (발표 모드)</comment>
        <translation>&amp;Presentation mode</translation>
    </message>
    <message>
        <source>Larger text for a projector, in the whole window</source>
        <translation>Larger text for a projector, in the whole window</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::EvaluationForm</name>
    <message>
        <source>Choose the counselor to evaluate.</source>
        <translation>Choose the counselor to evaluate.</translation>
    </message>
    <message>
        <source>Enter the call id of the evaluated call.</source>
        <translation>Enter the call id of the evaluated call.</translation>
    </message>
    <message>
        <source>Give a score from 0 to 100.</source>
        <translation>Give a score from 0 to 100.</translation>
    </message>
    <message>
        <source>The score must be between 0 and 100.</source>
        <translation>The score must be between 0 and 100.</translation>
    </message>
    <message>
        <source>Complete the marked fields.</source>
        <translation>Complete the marked fields.</translation>
    </message>
    <message>
        <source>The server does not know this agent (%1).</source>
        <translation>The server does not know this agent (%1).</translation>
    </message>
    <message>
        <source>The call id was refused (%1).</source>
        <translation>The call id was refused (%1).</translation>
    </message>
    <message>
        <source>The score was refused (%1).</source>
        <translation>The score was refused (%1).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Evaluation saved.</source>
        <translation>Evaluation saved.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>—</source>
        <comment>value not available yet</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Service %1 · Empathy %2 · Average %3</source>
        <translation>Service %1 · Empathy %2 · Average %3</translation>
    </message>
    <message>
        <source>Evaluate a call</source>
        <comment>form title; 상담 평가</comment>
        <translation>Evaluate a call</translation>
    </message>
    <message>
        <source>Counselor</source>
        <comment>the trainee being evaluated; 평가 대상 상담사</comment>
        <translation>Counselor</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>The counselor whose call you evaluate.</source>
        <translation>The counselor whose call you evaluate.</translation>
    </message>
    <message>
        <source>Call id, e.g. call-6b046cc8-1</source>
        <translation>Call id, e.g. call-6b046cc8-1</translation>
    </message>
    <message>
        <source>Filled in with the counselor&apos;s current or last call when known.</source>
        <translation>Filled in with the counselor&apos;s current or last call when known.</translation>
    </message>
    <message>
        <source>Scores (0–100)</source>
        <translation>Scores (0–100)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>What went well, what to practise next</source>
        <translation>What went well, what to practise next</translation>
    </message>
    <message>
        <source>Save evaluation</source>
        <translation>Save evaluation</translation>
    </message>
    <message>
        <source>Clear scores</source>
        <translation>Clear scores</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::EvaluationHistory</name>
    <message>
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <source>Evaluation history</source>
        <translation>Evaluation history</translation>
    </message>
    <message>
        <source>Evaluation history: %1</source>
        <comment>%1 is the counselor&apos;s name</comment>
        <translation>Evaluation history: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>%n evaluation(s)</numerusform>
            <numerusform>%n evaluation(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Save this history as a CSV file (UTF-8, opens in Excel).</source>
        <translation>Save this history as a CSV file (UTF-8, opens in Excel).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Grade</source>
        <comment>KSQI grade; 등급</comment>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <comment>who scored the call; 평가자</comment>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Averages</source>
        <translation>Averages</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::EvaluationView</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>The counselor list could not be loaded: %1</source>
        <translation>The counselor list could not be loaded: %1</translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation>The history could not be loaded: %1</translation>
    </message>
    <message>
        <source>Only trainers and team leads can evaluate calls.</source>
        <translation>Only trainers and team leads can evaluate calls.</translation>
    </message>
    <message>
        <source>Export evaluations</source>
        <translation>Export evaluations</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder.</source>
        <translation>The file could not be written. Choose another folder.</translation>
    </message>
    <message>
        <source>Call evaluation</source>
        <comment>tab title; 상담 평가</comment>
        <translation>Call evaluation</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::GeneratorControls</name>
    <message>
        <source>The demo data was reset.</source>
        <translation>The demo data was reset.</translation>
    </message>
    <message>
        <source>Reset the demo data</source>
        <translation>Reset the demo data</translation>
    </message>
    <message>
        <source>Reset the demo data? The running scenario stops, every call ends, the queues empty and the demo customers go back to the bundled data set. This cannot be undone.</source>
        <translation>Reset the demo data? The running scenario stops, every call ends, the queues empty and the demo customers go back to the bundled data set. This cannot be undone.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Current rate: unknown</source>
        <translation>Current rate: unknown</translation>
    </message>
    <message>
        <source>Now: %1 calls a minute (generator running)</source>
        <translation>Now: %1 calls a minute (generator running)</translation>
    </message>
    <message>
        <source>Now: generator stopped (0 calls a minute)</source>
        <translation>Now: generator stopped (0 calls a minute)</translation>
    </message>
    <message>
        <source>Call generator and demo data</source>
        <translation>Call generator and demo data</translation>
    </message>
    <message>
        <source>&amp;Arrival rate:</source>
        <translation>&amp;Arrival rate:</translation>
    </message>
    <message>
        <source> calls/min</source>
        <comment>unit after the number in the spin box</comment>
        <translation> calls/min</translation>
    </message>
    <message>
        <source>Random demo calls a minute, 0-%1; 0 stops the generator</source>
        <translation>Random demo calls a minute, 0-%1; 0 stops the generator</translation>
    </message>
    <message>
        <source>A&amp;pply rate</source>
        <translation>A&amp;pply rate</translation>
    </message>
    <message>
        <source>Reset stops the scenario, ends every call and puts the demo customers back to the bundled data set.</source>
        <translation>Reset stops the scenario, ends every call and puts the demo customers back to the bundled data set.</translation>
    </message>
    <message>
        <source>&amp;Reset demo data…</source>
        <translation>&amp;Reset demo data…</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::InjectCallForm</name>
    <message>
        <source>Call injected into %1.</source>
        <comment>%1 = queue name</comment>
        <translation>Call injected into %1.</translation>
    </message>
    <message>
        <source>(no intent)</source>
        <comment>the caller chose nothing in the IVR</comment>
        <translation>(no intent)</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>No customer matches.</translation>
    </message>
    <message>
        <source>Search for a customer and pick one.</source>
        <translation>Search for a customer and pick one.</translation>
    </message>
    <message>
        <source>Type a Korean phone number, e.g. 010-1234-5678.</source>
        <translation>Type a Korean phone number, e.g. 010-1234-5678.</translation>
    </message>
    <message>
        <source>Pick a queue.</source>
        <translation>Pick a queue.</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <source>Mobile, landline or a 15xx number.</source>
        <translation>Mobile, landline or a 15xx number.</translation>
    </message>
    <message>
        <source>Calls as %1</source>
        <comment>%1 = phone number</comment>
        <translation>Calls as %1</translation>
    </message>
    <message>
        <source>Not a Korean phone number.</source>
        <translation>Not a Korean phone number.</translation>
    </message>
    <message>
        <source>Inject a call</source>
        <comment>put a demo call into a queue</comment>
        <translation>Inject a call</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>Caller:</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Customer</translation>
    </message>
    <message>
        <source>Phone &amp;number</source>
        <translation>Phone &amp;number</translation>
    </message>
    <message>
        <source>Search by name, customer number or phone</source>
        <translation>Search by name, customer number or phone</translation>
    </message>
    <message>
        <source>010-1234-5678</source>
        <translation>010-1234-5678</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <comment>대기열</comment>
        <translation>&amp;Queue:</translation>
    </message>
    <message>
        <source>&amp;Intent:</source>
        <comment>the caller&apos;s IVR choice (문의 유형)</comment>
        <translation>&amp;Intent:</translation>
    </message>
    <message>
        <source>&amp;Transcript:</source>
        <comment>scripted lines of the call (대화 내용)</comment>
        <translation>&amp;Transcript:</translation>
    </message>
    <message>
        <source>One line each, optional:
customer: Hello, I lost my card.
agent: I will block it right away.</source>
        <translation>One line each, optional:
customer: Hello, I lost my card.
agent: I will block it right away.</translation>
    </message>
    <message>
        <source>Start a line with &quot;고객:&quot; or &quot;customer:&quot; for the caller, &quot;상담사:&quot; or &quot;agent:&quot; for the counselor. Lines without a prefix are the caller&apos;s.</source>
        <translation>Start a line with &quot;고객:&quot; or &quot;customer:&quot; for the caller, &quot;상담사:&quot; or &quot;agent:&quot; for the counselor. Lines without a prefix are the caller&apos;s.</translation>
    </message>
    <message>
        <source>In&amp;ject call</source>
        <translation>In&amp;ject call</translation>
    </message>
    <message>
        <source>Search the caller</source>
        <translation>Search the caller</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Matching customers</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::KeypadDialog</name>
    <message>
        <source>Keypad (DTMF)</source>
        <translation>Keypad (DTMF)</translation>
    </message>
    <message>
        <source>Sent:</source>
        <comment>DTMF digits sent on this call</comment>
        <translation>Sent:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::KnowledgePanel</name>
    <message>
        <source>The article could not be opened. %1</source>
        <translation>The article could not be opened. %1</translation>
    </message>
    <message>
        <source>Suggested for: %1</source>
        <comment>Articles suggested for the call&apos;s IVR intent</comment>
        <translation>Suggested for: %1</translation>
    </message>
    <message>
        <source>No suggested articles yet. Type to search.</source>
        <translation>No suggested articles yet. Type to search.</translation>
    </message>
    <message>
        <source>Type a few words to search the knowledge base.</source>
        <translation>Type a few words to search the knowledge base.</translation>
    </message>
    <message>
        <source>Results for “%1”: %2</source>
        <comment>search query, number of articles</comment>
        <translation>Results for “%1”: %2</translation>
    </message>
    <message>
        <source>No articles match “%1”. Try other or fewer words.</source>
        <translation>No articles match “%1”. Try other or fewer words.</translation>
    </message>
    <message>
        <source>Search failed. %1</source>
        <translation>Search failed. %1</translation>
    </message>
    <message>
        <source>The knowledge base cannot be searched while offline.</source>
        <translation>The knowledge base cannot be searched while offline.</translation>
    </message>
    <message>
        <source>Search the knowledge base</source>
        <translation>Search the knowledge base</translation>
    </message>
    <message>
        <source>Results appear as you type; Enter searches at once.</source>
        <translation>Results appear as you type; Enter searches at once.</translation>
    </message>
    <message>
        <source>Knowledge articles</source>
        <translation>Knowledge articles</translation>
    </message>
    <message>
        <source>Insert into note</source>
        <comment>Copy the selected article text into the after-call note</comment>
        <translation>Insert into note</translation>
    </message>
    <message>
        <source>Insert the selected text (or the article&apos;s title) into the call note</source>
        <translation>Insert the selected text (or the article&apos;s title) into the call note</translation>
    </message>
    <message>
        <source>Offline: search may not answer; articles you opened before open from the saved copy.</source>
        <translation>Offline: search may not answer; articles you opened before open from the saved copy.</translation>
    </message>
    <message>
        <source>Search knowledge</source>
        <translation>Search knowledge</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::LoginLockoutsDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>The lockouts could not be loaded: %1</source>
        <translation>The lockouts could not be loaded: %1</translation>
    </message>
    <message>
        <source>No username or address is locked out.</source>
        <translation>No username or address is locked out.</translation>
    </message>
    <message>
        <source>Clearing the lockout of %1…</source>
        <translation>Clearing the lockout of %1…</translation>
    </message>
    <message>
        <source>The lockout of %1 could not be cleared: %2</source>
        <translation>The lockout of %1 could not be cleared: %2</translation>
    </message>
    <message>
        <source>%1 was no longer locked out.</source>
        <translation>%1 was no longer locked out.</translation>
    </message>
    <message>
        <source>The lockout of %1 was cleared.</source>
        <translation>The lockout of %1 was cleared.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Login lockouts</source>
        <translation>Login lockouts</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Username or address</source>
        <translation>Username or address</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Clear lockout</source>
        <translation>Clear lockout</translation>
    </message>
    <message>
        <source>Usernames and addresses locked out after failed logins. Clear a lockout once you have checked with the person that the attempts were theirs.</source>
        <translation>Usernames and addresses locked out after failed logins. Clear a lockout once you have checked with the person that the attempts were theirs.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::LoginView</name>
    <message>
        <source>Enter the server address, e.g. https://crm.example.com</source>
        <translation>Enter the server address, e.g. https://crm.example.com</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>AgentDesk — Log in</source>
        <translation>AgentDesk — Log in</translation>
    </message>
    <message>
        <source>Agent desktop and customer 360 for your contact center.</source>
        <translation>Agent desktop and customer 360 for your contact center.</translation>
    </message>
    <message>
        <source>Demo contact center on this computer</source>
        <translation>Demo contact center on this computer</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Demo users: counselor1, counselor2, counselor3 (counselors), lead1 (team lead), trainer1 (trainer). Password: demo</source>
        <translation>Demo users: counselor1, counselor2, counselor3 (counselors), lead1 (team lead), trainer1 (trainer). Password: demo</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Not encrypted: your password and customer data would cross the network readable. Use an https:// address. Plain http:// to another computer works only when allowed in Settings.</source>
        <translation>Not encrypted: your password and customer data would cross the network readable. Use an https:// address. Plain http:// to another computer works only when allowed in Settings.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::MissedCallsButton</name>
    <message numerus="yes">
        <source>Missed (%n)</source>
        <comment>missed calls (부재중) not answered in time</comment>
        <translation>
            <numerusform>Missed (%n)</numerusform>
            <numerusform>Missed (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls that rang here and were not answered in time</source>
        <translation>Calls that rang here and were not answered in time</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Clear the list</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::NoteConflictDialog</name>
    <message>
        <source>The note was changed meanwhile</source>
        <translation>The note was changed meanwhile</translation>
    </message>
    <message>
        <source>Someone changed this note on the server while you were editing it. Compare both versions and choose which to keep.</source>
        <translation>Someone changed this note on the server while you were editing it. Compare both versions and choose which to keep.</translation>
    </message>
    <message>
        <source>Your version — %1</source>
        <translation>Your version — %1</translation>
    </message>
    <message>
        <source>Current version on the server (v%1, %2) — %3</source>
        <translation>Current version on the server (v%1, %2) — %3</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Save your version on top of the server&apos;s version</source>
        <translation>Save your version on top of the server&apos;s version</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Drop your changes and show the server&apos;s version</source>
        <translation>Drop your changes and show the server&apos;s version</translation>
    </message>
    <message>
        <source>Edit a merge</source>
        <translation>Edit a merge</translation>
    </message>
    <message>
        <source>Continue in the editor with the server&apos;s text plus your added lines</source>
        <translation>Continue in the editor with the server&apos;s text plus your added lines</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::NoteEditor</name>
    <message>
        <source>no wrap-up code</source>
        <translation>no wrap-up code</translation>
    </message>
    <message>
        <source>Editing the note of %1 (version %2)</source>
        <translation>Editing the note of %1 (version %2)</translation>
    </message>
    <message>
        <source>customer %1</source>
        <comment>a customer id, when the name is not known</comment>
        <translation>customer %1</translation>
    </message>
    <message>
        <source>Call note (customer not chosen yet)</source>
        <translation>Call note (customer not chosen yet)</translation>
    </message>
    <message>
        <source>Call note: %1</source>
        <translation>Call note: %1</translation>
    </message>
    <message>
        <source>After-call work</source>
        <comment>후처리: the time after a call for notes</comment>
        <translation>After-call work</translation>
    </message>
    <message>
        <source>call ended, no wrap-up needed</source>
        <translation>call ended, no wrap-up needed</translation>
    </message>
    <message>
        <source>Memo: %1</source>
        <translation>Memo: %1</translation>
    </message>
    <message>
        <source>New note (no call or customer yet)</source>
        <translation>New note (no call or customer yet)</translation>
    </message>
    <message>
        <source>Take a call or open a customer to write a note.</source>
        <translation>Take a call or open a customer to write a note.</translation>
    </message>
    <message>
        <source>Choose the customer this note is for (in the customer view) to submit it.</source>
        <translation>Choose the customer this note is for (in the customer view) to submit it.</translation>
    </message>
    <message>
        <source>Choose a wrap-up code to submit the note.</source>
        <comment>처리 코드: required before submitting</comment>
        <translation>Choose a wrap-up code to submit the note.</translation>
    </message>
    <message>
        <source>Saving a change to an earlier note needs the connection.</source>
        <translation>Saving a change to an earlier note needs the connection.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Someone else changed this note meanwhile: compare both versions in the window that opened.</source>
        <translation>Someone else changed this note meanwhile: compare both versions in the window that opened.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Showing the current version from the server.</source>
        <translation>Showing the current version from the server.</translation>
    </message>
    <message>
        <source>Merged with the current version: check the text and save again.</source>
        <translation>Merged with the current version: check the text and save again.</translation>
    </message>
    <message>
        <source>Sending the note, then finishing wrap-up…</source>
        <translation>Sending the note, then finishing wrap-up…</translation>
    </message>
    <message>
        <source>Wrap-up will finish automatically when the connection returns.</source>
        <translation>Wrap-up will finish automatically when the connection returns.</translation>
    </message>
    <message>
        <source>Finishing wrap-up…</source>
        <translation>Finishing wrap-up…</translation>
    </message>
    <message>
        <source>Wrap-up finished. You are now: %1</source>
        <translation>Wrap-up finished. You are now: %1</translation>
    </message>
    <message>
        <source>Wrap-up failed: %1</source>
        <translation>Wrap-up failed: %1</translation>
    </message>
    <message>
        <source>After-call work had already ended: the note is saved without wrap-up.</source>
        <translation>After-call work had already ended: the note is saved without wrap-up.</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation>Draft saved %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Cancel edit</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Save and wrap up</source>
        <comment>save the note and end after-call work</comment>
        <translation>Save and wrap up</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Insert template</translation>
    </message>
    <message>
        <source>Insert this wrap-up code&apos;s template at the cursor</source>
        <translation>Insert this wrap-up code&apos;s template at the cursor</translation>
    </message>
    <message>
        <source>What was the call about, what was done, what was promised…</source>
        <translation>What was the call about, what was done, what was promised…</translation>
    </message>
    <message>
        <source>Wrap-up code (required)</source>
        <comment>처리 코드</comment>
        <translation>Wrap-up code (required)</translation>
    </message>
    <message>
        <source>Save the note and wrap up</source>
        <translation>Save the note and wrap up</translation>
    </message>
    <message>
        <source>Go to the note</source>
        <translation>Go to the note</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::OpenCasesView</name>
    <message>
        <source>No open cases.</source>
        <translation>No open cases.</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>updated %1</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::OutboxStatusView</name>
    <message>
        <source>Note not accepted: %1 Your text is kept: copy it and submit again.</source>
        <translation>Note not accepted: %1 Your text is kept: copy it and submit again.</translation>
    </message>
    <message>
        <source>Sending (%1)…</source>
        <translation>Sending (%1)…</translation>
    </message>
    <message>
        <source>Pending (%1) — will be sent when the connection returns</source>
        <translation>Pending (%1) — will be sent when the connection returns</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Sent %1</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>Copy the rejected note&apos;s text to the clipboard</source>
        <translation>Copy the rejected note&apos;s text to the clipboard</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Needs attention: the server could not save a note after %1 tries. %2 The note is kept and retried automatically; your other notes are still sent.</source>
        <translation>Needs attention: the server could not save a note after %1 tries. %2 The note is kept and retried automatically; your other notes are still sent.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ProductsTable</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>Monthly fee</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ProfileCard</name>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edit this customer&apos;s details</source>
        <translation>Edit this customer&apos;s details</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Resident no.</source>
        <comment>주민등록번호, shown masked</comment>
        <translation>Resident no.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Last contact</source>
        <comment>reason of the latest contact</comment>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Customer no. %1</source>
        <translation>Customer no. %1</translation>
    </message>
    <message>
        <source>Grade: %1</source>
        <translation>Grade: %1</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message numerus="yes">
        <source>Abusive history: %n call(s)</source>
        <comment>폭언 이력; calls ended for abuse</comment>
        <translation>
            <numerusform>Abusive history: %n call(s)</numerusform>
            <numerusform>Abusive history: %n call(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>Abusive history</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primary</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Call this number (outbound call)</source>
        <translation>Call this number (outbound call)</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>No consent</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::QueueCard</name>
    <message>
        <source>SL: answered within %1 s</source>
        <comment>service level (서비스 레벨) definition: answered within T seconds</comment>
        <translation>SL: answered within %1 s</translation>
    </message>
    <message>
        <source>Waiting calls</source>
        <comment>대기 호: calls waiting in the queue</comment>
        <translation>Waiting calls</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <comment>최장 대기시간: age of the oldest waiting call</comment>
        <translation>Longest wait</translation>
    </message>
    <message>
        <source>Expected wait</source>
        <comment>예상 대기시간 (EWT) for a new caller</comment>
        <translation>Expected wait</translation>
    </message>
    <message>
        <source>Service level</source>
        <comment>서비스 레벨 (% answered within the threshold)</comment>
        <translation>Service level</translation>
    </message>
    <message>
        <source>Abandon rate</source>
        <comment>포기율: abandoned ÷ offered</comment>
        <translation>Abandon rate</translation>
    </message>
    <message>
        <source>ASA</source>
        <comment>평균 응답 속도 (average speed of answer); keep short</comment>
        <translation>ASA</translation>
    </message>
    <message>
        <source>AHT</source>
        <comment>평균 처리 시간 (average handle time); keep short</comment>
        <translation>AHT</translation>
    </message>
    <message>
        <source>Answered / offered</source>
        <comment>응답 호 / 인입 호 today</comment>
        <translation>Answered / offered</translation>
    </message>
    <message>
        <source>Average speed of answer: mean wait of answered calls today</source>
        <translation>Average speed of answer: mean wait of answered calls today</translation>
    </message>
    <message>
        <source>Average handle time: mean talk + hold + after-call work today</source>
        <translation>Average handle time: mean talk + hold + after-call work today</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::QueueCharts</name>
    <message>
        <source>Waiting calls, last 60 minutes</source>
        <comment>chart title; 대기 호</comment>
        <translation>Waiting calls, last 60 minutes</translation>
    </message>
    <message>
        <source>Service level, last 60 minutes</source>
        <comment>chart title; 서비스 레벨</comment>
        <translation>Service level, last 60 minutes</translation>
    </message>
    <message>
        <source>%</source>
        <comment>axis title of the service level chart</comment>
        <translation>%</translation>
    </message>
    <message>
        <source>SL threshold</source>
        <comment>the team lead&apos;s service level limit, dashed line</comment>
        <translation>SL threshold</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::QueueGlance</name>
    <message>
        <source>%1: %2 waiting, longest %3</source>
        <comment>queue: calls waiting, longest wait</comment>
        <translation>%1: %2 waiting, longest %3</translation>
    </message>
    <message>
        <source>No calls waiting</source>
        <translation>No calls waiting</translation>
    </message>
    <message>
        <source>Waiting %1 · longest %2</source>
        <comment>calls waiting in my queues</comment>
        <translation>Waiting %1 · longest %2</translation>
    </message>
    <message>
        <source>None of your queues has figures yet.</source>
        <translation>None of your queues has figures yet.</translation>
    </message>
    <message>
        <source>Your queues</source>
        <translation>Your queues</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::QueueMonitorView</name>
    <message>
        <source>Live · updated %1</source>
        <comment>the figures come live from the server</comment>
        <translation>Live · updated %1</translation>
    </message>
    <message>
        <source>Queues</source>
        <comment>title of the queue monitor (큐 모니터)</comment>
        <translation>Queues</translation>
    </message>
    <message>
        <source>No queue figures yet.</source>
        <translation>No queue figures yet.</translation>
    </message>
    <message>
        <source>Waiting for live figures…</source>
        <translation>Waiting for live figures…</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::RestoredDraftsBar</name>
    <message>
        <source>(no text yet)</source>
        <translation>(no text yet)</translation>
    </message>
    <message>
        <source>memo for %1</source>
        <translation>memo for %1</translation>
    </message>
    <message>
        <source>call %1</source>
        <translation>call %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Restored draft from %1 (%2 drafts kept: click one to open it)</source>
        <translation>Restored draft from %1 (%2 drafts kept: click one to open it)</translation>
    </message>
    <message>
        <source>Restored draft from %1</source>
        <translation>Restored draft from %1</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ScenarioList</name>
    <message>
        <source>Running</source>
        <comment>demo scenario is running</comment>
        <translation>Running</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <comment>%1 = scenario title</comment>
        <translation>Running: %1</translation>
    </message>
    <message>
        <source>No scenario is running.</source>
        <translation>No scenario is running.</translation>
    </message>
    <message>
        <source>The server has no demo scenarios.</source>
        <translation>The server has no demo scenarios.</translation>
    </message>
    <message>
        <source>The scenarios could not be loaded from the server.</source>
        <translation>The scenarios could not be loaded from the server.</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <comment>demo scenarios for training (시나리오)</comment>
        <translation>Scenarios</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Start scenario</source>
        <translation>&amp;Start scenario</translation>
    </message>
    <message>
        <source>Start the selected scenario: its calls arrive on the server&apos;s clock</source>
        <translation>Start the selected scenario: its calls arrive on the server&apos;s clock</translation>
    </message>
    <message>
        <source>S&amp;top demo</source>
        <translation>S&amp;top demo</translation>
    </message>
    <message>
        <source>Stop the running scenario and the call generator</source>
        <translation>Stop the running scenario and the call generator</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
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
        <translation>Score 0–100. Type a number or use the slider.</translation>
    </message>
    <message>
        <source>%1 score (slider)</source>
        <comment>accessible name; %1 is a quality dimension</comment>
        <translation>%1 score (slider)</translation>
    </message>
    <message>
        <source>%1 score</source>
        <comment>accessible name; %1 is a quality dimension</comment>
        <translation>%1 score</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SearchResultsPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Back to the customer on screen</source>
        <translation>Back to the customer on screen</translation>
    </message>
    <message>
        <source>Customers matching “%1”</source>
        <translation>Customers matching “%1”</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>No customer found. Try the full name, a phone number or the customer number.</source>
        <translation>No customer found. Try the full name, a phone number or the customer number.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>%n customer(s) found.</numerusform>
            <numerusform>%n customer(s) found.</numerusform>
        </translation>
    </message>
    <message>
        <source>no. %1</source>
        <comment>customer number</comment>
        <translation>no. %1</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>⚠ Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>⚠ Abusive history</translation>
    </message>
    <message>
        <source>last contact: %1</source>
        <translation>last contact: %1</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SettingsDialog</name>
    <message>
        <source>“%1” and “%2” both use %3.</source>
        <translation>“%1” and “%2” both use %3.</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://crm.example.com</source>
        <translation>Enter the server address, e.g. https://crm.example.com</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>Demo contact center on this computer</source>
        <translation>Demo contact center on this computer</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>A new server is used at the next login.</source>
        <translation>A new server is used at the next login.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>After wrap-up</source>
        <translation>After wrap-up</translation>
    </message>
    <message>
        <source>Ready for the next call</source>
        <translation>Ready for the next call</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Allow unencrypted http:// to another computer</source>
        <translation>Allow unencrypted http:// to another computer</translation>
    </message>
    <message>
        <source>Warning: over http:// anyone on the network can read passwords and customer data. Allow it only on a closed test network.</source>
        <translation>Warning: over http:// anyone on the network can read passwords and customer data. Allow it only on a closed test network.</translation>
    </message>
    <message>
        <source>Key for: %1</source>
        <comment>accessible name of a shortcut editor</comment>
        <translation>Key for: %1</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Look</source>
        <comment>light, dark or high-contrast colours</comment>
        <translation>Look</translation>
    </message>
    <message>
        <source>As the system (light or dark mode)</source>
        <translation>As the system (light or dark mode)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SoftphoneBar</name>
    <message>
        <source>The consult was rejected; the caller is on hold.</source>
        <translation>The consult was rejected; the caller is on hold.</translation>
    </message>
    <message>
        <source>The consult was not answered; the caller is on hold.</source>
        <translation>The consult was not answered; the caller is on hold.</translation>
    </message>
    <message>
        <source>Consult cancelled.</source>
        <translation>Consult cancelled.</translation>
    </message>
    <message>
        <source>%1 is not possible right now.</source>
        <translation>%1 is not possible right now.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <comment>command name: reason</comment>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>go to the ready state: 대기</comment>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Go ready to take calls</source>
        <translation>Go ready to take calls</translation>
    </message>
    <message>
        <source>Not ready</source>
        <comment>go to not ready, with a reason: 이석</comment>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Go not ready, with a reason</source>
        <translation>Go not ready, with a reason</translation>
    </message>
    <message>
        <source>Answer</source>
        <comment>응답</comment>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Reject</source>
        <comment>거절</comment>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>호전환</comment>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Transfer to a queue, an agent or a number</source>
        <translation>Transfer to a queue, an agent or a number</translation>
    </message>
    <message>
        <source>Keypad</source>
        <comment>DTMF keypad: 키패드</comment>
        <translation>Keypad</translation>
    </message>
    <message>
        <source>Abuse warning</source>
        <comment>폭언 경고</comment>
        <translation>Abuse warning</translation>
    </message>
    <message>
        <source>Play the abuse warning announcement to the caller</source>
        <translation>Play the abuse warning announcement to the caller</translation>
    </message>
    <message>
        <source>End call (abuse)</source>
        <comment>상담원 선종료</comment>
        <translation>End call (abuse)</translation>
    </message>
    <message>
        <source>End the call after the required warnings; the team lead is alerted</source>
        <translation>End the call after the required warnings; the team lead is alerted</translation>
    </message>
    <message>
        <source>Hang up</source>
        <comment>통화 종료</comment>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>No call</source>
        <comment>no call in progress</comment>
        <translation>No call</translation>
    </message>
    <message>
        <source>Verified</source>
        <comment>caller identity verified: 본인 확인</comment>
        <translation>Verified</translation>
    </message>
    <message>
        <source>The caller&apos;s identity was verified in the IVR</source>
        <translation>The caller&apos;s identity was verified in the IVR</translation>
    </message>
    <message>
        <source>Abusive history</source>
        <comment>폭언 이력</comment>
        <translation>Abusive history</translation>
    </message>
    <message>
        <source>This caller was abusive on earlier calls</source>
        <translation>This caller was abusive on earlier calls</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <comment>녹음 일시정지 중</comment>
        <translation>Recording paused</translation>
    </message>
    <message>
        <source>The recording is paused (never stopped); resume it when the card number has been given</source>
        <translation>The recording is paused (never stopped); resume it when the card number has been given</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Outbound</source>
        <comment>발신</comment>
        <translation>Outbound</translation>
    </message>
    <message>
        <source>Waited %1</source>
        <comment>time the caller waited in the queue: 대기시간, not the Ready state</comment>
        <translation>Waited %1</translation>
    </message>
    <message>
        <source>Consult from %1</source>
        <comment>a colleague&apos;s consult transfer</comment>
        <translation>Consult from %1</translation>
    </message>
    <message>
        <source>Consulting… caller on hold</source>
        <translation>Consulting… caller on hold</translation>
    </message>
    <message>
        <source>Warnings %1/%2</source>
        <comment>abuse warnings played / required</comment>
        <translation>Warnings %1/%2</translation>
    </message>
    <message>
        <source>Resume</source>
        <comment>보류 해제</comment>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Hold</source>
        <comment>보류</comment>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Unmute</source>
        <comment>음소거 해제</comment>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>Mute</source>
        <comment>음소거</comment>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <comment>녹음 재개</comment>
        <translation>Resume recording</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <comment>녹음 일시정지</comment>
        <translation>Pause recording</translation>
    </message>
    <message>
        <source>Pause the recording while the caller gives a card number; it is never stopped</source>
        <translation>Pause the recording while the caller gives a card number; it is never stopped</translation>
    </message>
    <message>
        <source>Offline: waiting for the connection</source>
        <translation>Offline: waiting for the connection</translation>
    </message>
    <message>
        <source>Time in this state</source>
        <translation>Time in this state</translation>
    </message>
    <message>
        <source>Ringing %1</source>
        <comment>time the call has rung here</comment>
        <translation>Ringing %1</translation>
    </message>
    <message>
        <source>On hold · %1</source>
        <comment>talk time while held</comment>
        <translation>On hold · %1</translation>
    </message>
    <message>
        <source>Talk %1</source>
        <comment>talk time</comment>
        <translation>Talk %1</translation>
    </message>
    <message>
        <source>Recommended talk time %1 exceeded</source>
        <translation>Recommended talk time %1 exceeded</translation>
    </message>
    <message>
        <source>Recommended talk time %1</source>
        <translation>Recommended talk time %1</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Call ended</translation>
    </message>
    <message>
        <source>ACW %1 left</source>
        <comment>after-call work (후처리) time left</comment>
        <translation>ACW %1 left</translation>
    </message>
    <message>
        <source>After-call work ends by itself after %1</source>
        <translation>After-call work ends by itself after %1</translation>
    </message>
    <message>
        <source>ACW %1</source>
        <comment>after-call work (후처리) time so far</comment>
        <translation>ACW %1</translation>
    </message>
    <message>
        <source>Missed call: you were set to Not ready.</source>
        <translation>Missed call: you were set to Not ready.</translation>
    </message>
    <message>
        <source>Call transferred.</source>
        <translation>Call transferred.</translation>
    </message>
    <message>
        <source>The caller hung up before the call was answered.</source>
        <translation>The caller hung up before the call was answered.</translation>
    </message>
    <message>
        <source>Call ended after abuse warnings; your team lead has been alerted.</source>
        <translation>Call ended after abuse warnings; your team lead has been alerted.</translation>
    </message>
    <message>
        <source>The consult offer was withdrawn.</source>
        <translation>The consult offer was withdrawn.</translation>
    </message>
    <message>
        <source>Call rejected.</source>
        <translation>Call rejected.</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>%1 is listening</source>
        <comment>team lead monitoring: 모니터링 중</comment>
        <translation>%1 is listening</translation>
    </message>
    <message>
        <source>%1 is coaching you (caller cannot hear)</source>
        <comment>whisper: 코칭 중</comment>
        <translation>%1 is coaching you (caller cannot hear)</translation>
    </message>
    <message>
        <source>%1 joined the call</source>
        <comment>barge-in: 3자 통화 참여</comment>
        <translation>%1 joined the call</translation>
    </message>
    <message>
        <source>Phone connected · ext. %1</source>
        <comment>SIP phone registered: 전화기 연결됨</comment>
        <translation>Phone connected · ext. %1</translation>
    </message>
    <message>
        <source>Phone not connected · ext. %1</source>
        <comment>SIP phone not registered: 전화기 연결 안 됨</comment>
        <translation>Phone not connected · ext. %1</translation>
    </message>
    <message>
        <source>Calls ring on your phone; answer there or with Answer here</source>
        <translation>Calls ring on your phone; answer there or with Answer here</translation>
    </message>
    <message>
        <source>Connect (register) your phone to take calls: you cannot go ready without it</source>
        <translation>Connect (register) your phone to take calls: you cannot go ready without it</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>Call time</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>state: caller</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Softphone: %1</source>
        <comment>accessible name of the bar</comment>
        <translation>Softphone: %1</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::SupervisionBar</name>
    <message>
        <source>The call ended; supervision stopped.</source>
        <translation>The call ended; supervision stopped.</translation>
    </message>
    <message>
        <source>No agent selected</source>
        <translation>No agent selected</translation>
    </message>
    <message>
        <source>%1 — %2&apos;s call</source>
        <comment>e.g. &quot;Listening — 김하늘&apos;s call&quot;</comment>
        <translation>%1 — %2&apos;s call</translation>
    </message>
    <message>
        <source>Asking to join %1&apos;s call (%2)…</source>
        <translation>Asking to join %1&apos;s call (%2)…</translation>
    </message>
    <message>
        <source>Could not join the call: %1</source>
        <translation>Could not join the call: %1</translation>
    </message>
    <message>
        <source>Leaving the call…</source>
        <translation>Leaving the call…</translation>
    </message>
    <message>
        <source>Could not leave the call: %1</source>
        <translation>Could not leave the call: %1</translation>
    </message>
    <message>
        <source>Supervision stopped.</source>
        <translation>Supervision stopped.</translation>
    </message>
    <message>
        <source>Listen</source>
        <comment>supervision: 감청 — hear the call, nobody hears the lead</comment>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Hear the call; neither the counselor nor the caller hears you</source>
        <translation>Hear the call; neither the counselor nor the caller hears you</translation>
    </message>
    <message>
        <source>Whisper</source>
        <comment>supervision: 코칭 — only the counselor hears the lead</comment>
        <translation>Whisper</translation>
    </message>
    <message>
        <source>Speak to the counselor only; the caller does not hear you</source>
        <translation>Speak to the counselor only; the caller does not hear you</translation>
    </message>
    <message>
        <source>Barge in</source>
        <comment>supervision: 3자 개입 — everyone hears the lead</comment>
        <translation>Barge in</translation>
    </message>
    <message>
        <source>Join the conversation; the counselor and the caller hear you</source>
        <translation>Join the conversation; the counselor and the caller hear you</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>stop listening/whispering/barging</comment>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Select an agent on a call to listen, whisper or barge in.</source>
        <translation>Select an agent on a call to listen, whisper or barge in.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::ThresholdsEditor</name>
    <message>
        <source>Alert when</source>
        <comment>start of the threshold row: 경고 기준</comment>
        <translation>Alert when</translation>
    </message>
    <message>
        <source>SL below</source>
        <comment>service level (서비스 레벨) under this percentage</comment>
        <translation>SL below</translation>
    </message>
    <message>
        <source>Longest wait over</source>
        <comment>최장 대기시간 over this many seconds</comment>
        <translation>Longest wait over</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds unit after a number</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Waiting over</source>
        <comment>more waiting calls (대기 호) than this</comment>
        <translation>Waiting over</translation>
    </message>
    <message>
        <source>Abandon rate over</source>
        <comment>포기율 over this percentage</comment>
        <translation>Abandon rate over</translation>
    </message>
    <message>
        <source>Figures past these limits turn amber; far past them, red.</source>
        <translation>Figures past these limits turn amber; far past them, red.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TimelineView</name>
    <message>
        <source>No contacts yet.</source>
        <translation>No contacts yet.</translation>
    </message>
    <message>
        <source>Show older contacts</source>
        <translation>Show older contacts</translation>
    </message>
    <message>
        <source>Loading older contacts…</source>
        <translation>Loading older contacts…</translation>
    </message>
    <message>
        <source>No older contacts.</source>
        <translation>No older contacts.</translation>
    </message>
    <message>
        <source>%1 talk</source>
        <comment>talk time of the call</comment>
        <translation>%1 talk</translation>
    </message>
    <message>
        <source>Wrap-up: %1</source>
        <comment>처리 코드</comment>
        <translation>Wrap-up: %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <comment>상담사</comment>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(empty note)</translation>
    </message>
    <message>
        <source>edited (version %1)</source>
        <translation>edited (version %1)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edit this note</source>
        <translation>Edit this note</translation>
    </message>
    <message>
        <source>Copy note</source>
        <translation>Copy note</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TodayFigures</name>
    <message>
        <source>Today %1 calls · AHT %2 · missed %3</source>
        <comment>my figures for today</comment>
        <translation>Today %1 calls · AHT %2 · missed %3</translation>
    </message>
    <message>
        <source>Your figures for today: calls handled, average handle time (talk, hold and after-call work), calls that rang out without an answer.</source>
        <translation>Your figures for today: calls handled, average handle time (talk, hold and after-call work), calls that rang out without an answer.</translation>
    </message>
    <message>
        <source>Your figures for today</source>
        <translation>Your figures for today</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TransferDialog</name>
    <message>
        <source>The target rejected the consult. The caller is on hold.</source>
        <translation>The target rejected the consult. The caller is on hold.</translation>
    </message>
    <message>
        <source>The target did not answer. The caller is on hold.</source>
        <translation>The target did not answer. The caller is on hold.</translation>
    </message>
    <message>
        <source>Consult cancelled.</source>
        <translation>Consult cancelled.</translation>
    </message>
    <message>
        <source>No such queue or agent.</source>
        <translation>No such queue or agent.</translation>
    </message>
    <message>
        <source>Not possible: the agent is not ready, or a transfer is already in progress.</source>
        <translation>Not possible: the agent is not ready, or a transfer is already in progress.</translation>
    </message>
    <message>
        <source>Transfer call</source>
        <comment>호전환</comment>
        <translation>Transfer call</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Agent ID, e.g. A1003</source>
        <translation>Agent ID, e.g. A1003</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>e.g. 02-555-9999</source>
        <translation>e.g. 02-555-9999</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Blind</source>
        <comment>transfer at once, without talking to the target first</comment>
        <translation>Blind</translation>
    </message>
    <message>
        <source>Consult</source>
        <comment>talk to the target first; the transfer completes when they answer</comment>
        <translation>Consult</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Back to caller</source>
        <comment>cancels a consult transfer</comment>
        <translation>Back to caller</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose a queue.</source>
        <translation>Choose a queue.</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s ID.</source>
        <translation>Enter the agent&apos;s ID.</translation>
    </message>
    <message>
        <source>That is you.</source>
        <translation>That is you.</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>Enter a phone number.</translation>
    </message>
    <message>
        <source>Not a Korean phone number.</source>
        <translation>Not a Korean phone number.</translation>
    </message>
    <message>
        <source>Consulting: the caller is on hold. The transfer completes when the target answers.</source>
        <translation>Consulting: the caller is on hold. The transfer completes when the target answers.</translation>
    </message>
    <message>
        <source>Offline: transfer is not possible until the connection is back.</source>
        <translation>Offline: transfer is not possible until the connection is back.</translation>
    </message>
    <message>
        <source>Transfer is not possible right now.</source>
        <translation>Transfer is not possible right now.</translation>
    </message>
    <message>
        <source>Transferring…</source>
        <translation>Transferring…</translation>
    </message>
    <message>
        <source>The transfer cannot be completed now.</source>
        <translation>The transfer cannot be completed now.</translation>
    </message>
    <message>
        <source>Talk first</source>
        <comment>attended transfer: talk with the target, then complete</comment>
        <translation>Talk first</translation>
    </message>
    <message>
        <source>The caller waits on hold while you talk to the target; then complete the transfer or go back to the caller</source>
        <translation>The caller waits on hold while you talk to the target; then complete the transfer or go back to the caller</translation>
    </message>
    <message>
        <source>Complete transfer</source>
        <comment>hands the caller to the consulted target</comment>
        <translation>Complete transfer</translation>
    </message>
    <message>
        <source>You are talking to the target; the caller is on hold. Complete the transfer, or go back to the caller.</source>
        <translation>You are talking to the target; the caller is on hold. Complete the transfer, or go back to the caller.</translation>
    </message>
    <message>
        <source>Calling the target; the caller is on hold.</source>
        <translation>Calling the target; the caller is on hold.</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::TrendChart</name>
    <message>
        <source>Trend</source>
        <comment>evaluation scores over time; 추이</comment>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Average of five scores</source>
        <translation>Average of five scores</translation>
    </message>
    <message>
        <source>Empathy</source>
        <comment>KSQI dimension, Korean: 공감</comment>
        <translation>Empathy</translation>
    </message>
    <message>
        <source>Empathy for excellent (80)</source>
        <comment>Excellent = 우수</comment>
        <translation>Empathy for excellent (80)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>One point per evaluation, oldest on the left.</source>
        <translation>One point per evaluation, oldest on the left.</translation>
    </message>
    <message>
        <source>Evaluation (oldest first)</source>
        <comment>x axis: the n-th evaluation</comment>
        <translation>Evaluation (oldest first)</translation>
    </message>
</context>
<context>
    <name>agentdesk::widgets::WrapupCodePicker</name>
    <message>
        <source>General</source>
        <comment>wrap-up code category</comment>
        <translation>General</translation>
    </message>
    <message>
        <source>Cards and payments</source>
        <comment>wrap-up code category</comment>
        <translation>Cards and payments</translation>
    </message>
    <message>
        <source>Cancellation and plans</source>
        <comment>wrap-up code category</comment>
        <translation>Cancellation and plans</translation>
    </message>
    <message>
        <source>Counselor protection</source>
        <comment>wrap-up code category</comment>
        <translation>Counselor protection</translation>
    </message>
    <message>
        <source>Choose a wrap-up code…</source>
        <comment>처리 코드: the code that closes after-call work</comment>
        <translation>Choose a wrap-up code…</translation>
    </message>
</context>
</TS>
