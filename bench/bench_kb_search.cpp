// bench_kb_search: knowledge-base search on a generated corpus of 100,000 articles (about 80 %
// Korean, 20 % English), compared in the same run with a plain LIKE scan and with FTS5 on its
// default unicode61 tokenizer.
//
// Usage: bench_kb_search [--articles N] [--queries U] [--like-queries K] [--like-budget S]
//                        [--per-query] [--keep]
//
// 1. Generates the corpus with a fixed seed: ~63 contact-center topics (환불, 카드 분실, 비밀번호
//    변경, OTP 재발급, …), each with an object/action noun pair and English noun phrases. Titles
//    are "[product] topic suffix"; bodies (Markdown, 300-1500 characters) mix sentences about the
//    topic with Korean particles and endings attached (환불을, 환불은, 환불해 드립니다,
//    환불받으실, 비밀번호를 변경하려면, sometimes 비밀번호변경 / 카드분실신고 without spaces),
//    mentions of one or two other topics and generic filler. 113 "target" articles with
//    distinctive titles (해외 로밍 중 OTP 재발급 방법, Partial Refund Policy, …) are planted at
//    fixed positions spread over the corpus.
// 2. Imports every article with SqliteKnowledgeStore::saveArticle (1,000 a transaction) into a
//    SQLite file in a temp dir, and reports articles/s, file size and the size of each table
//    (dbstat).
// 3. Builds the baseline `kb_plain` = fts5(title, body) (default unicode61 tokenizer) from
//    kb_articles.title / body_text in the same file.
// 4. Runs 86 labelled queries (ground truth: the articles whose title, lower-cased and without
//    spaces, contains every key of the query) and U unlabelled queries built from the topic
//    vocabulary on (a) KnowledgeStore::search limit 5, (b) kb_plain with the query's words
//    quoted and ANDed, ordered by bm25, limit 5, (c) `title LIKE '%q%' OR body_text LIKE
//    '%q%' LIMIT 5`. LIKE runs on every labelled query and on the first K unlabelled ones while
//    its total time stays under S seconds.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/bench_util.h"
#include "common/time_util.h"
#include "server/kb/fts_rank.h"
#include "server/kb/sqlite_knowledge_store.h"
#include "server/kb/text_index.h"
#include "server/store/sqlite_crm_store.h"

namespace {

using namespace agentdesk::bench;
using nlohmann::json;
namespace server = agentdesk::server;
namespace kb = agentdesk::server::kb;

constexpr int kBatch = 1000;  // articles per transaction
constexpr int kTopK = 5;
constexpr std::uint32_t kSeed = 20240517;

// ------------------------------------------------------------------ vocabulary

enum class Verb {
    None,       // a plain noun: 할부, 해지 위약금, 결제 오류
    Hada,       // 변경 → 변경하려면, 변경해 드립니다
    HadaBatda,  // 환불 → also 환불받으실, 환불받으려면
};

struct Topic {
    const char* obj;  // object noun, "" when the topic is one noun
    const char* act;  // action / head noun
    Verb verb;
    int domain;           // index into kDomains
    const char* en;       // English title phrase
    const char* enForms;  // '|'-separated English noun phrases used in bodies
    const char* koExtra;  // '|'-separated extra Korean noun forms used in bodies, or ""
};

struct Domain {
    const char* tag;  // article tag
    std::array<const char*, 3> products;
    std::array<const char*, 2> enProducts;
};

constexpr std::array kDomains{
    Domain{"카드", {"신용카드", "체크카드", "선불카드"}, {"Credit Card", "Debit Card"}},
    Domain{"통신", {"휴대폰", "인터넷", "집전화"}, {"Mobile", "Home Internet"}},
    Domain{"쇼핑", {"쇼핑몰", "온라인 주문", "정기배송"}, {"Online Store", "Subscription"}},
    Domain{"은행", {"입출금 계좌", "인터넷뱅킹", "모바일뱅킹"}, {"Online Banking", "Savings"}},
    Domain{"계정", {"홈페이지", "고객센터", "통합회원"}, {"Member", "Website"}},
    Domain{"보험", {"실손보험", "자동차보험", "종신보험"}, {"Health Insurance", "Car Insurance"}}};

const std::vector<Topic> kTopics = {
    // card
    {"카드", "분실", Verb::Hada, 0, "Lost Card", "lost card|lost cards|card loss|lost card report",
     "카드분실신고|분실 신고"},
    {"카드", "재발급", Verb::HadaBatda, 0, "Card Reissue",
     "card reissue|card reissues|replacement card|replacement cards", "카드 재발급 신청"},
    {"", "할부", Verb::None, 0, "Installments", "installment|installments|installment term", ""},
    {"결제일", "변경", Verb::Hada, 0, "Payment Date Change",
     "payment date|payment dates|payment date change", ""},
    {"이용", "한도", Verb::None, 0, "Credit Limit", "credit limit|credit limits|limit increase",
     "한도 상향"},
    {"해외", "결제", Verb::Hada, 0, "Overseas Payment",
     "overseas payment|overseas payments|foreign transactions", "해외 결제 차단"},
    {"포인트", "적립", Verb::HadaBatda, 0, "Reward Points", "reward points|points|point balance",
     "포인트"},
    {"", "연회비", Verb::None, 0, "Annual Fee", "annual fee|annual fees|fee waiver", ""},
    {"", "리볼빙", Verb::None, 0, "Revolving Credit", "revolving credit|revolving payments", ""},
    {"현금", "서비스", Verb::None, 0, "Cash Advance", "cash advance|cash advances", ""},
    // telecom
    {"요금제", "변경", Verb::Hada, 1, "Plan Change", "plan change|plan changes|rate plans",
     "요금제"},
    {"해외", "로밍", Verb::None, 1, "Roaming", "roaming|roaming service|roaming data", "로밍"},
    {"유심", "교체", Verb::HadaBatda, 1, "SIM Replacement",
     "SIM replacement|SIM cards|replacement SIM", "유심"},
    {"데이터", "충전", Verb::HadaBatda, 1, "Data Top-up", "data top-up|data top-ups|data allowance",
     ""},
    {"번호", "이동", Verb::Hada, 1, "Number Porting",
     "number porting|ported numbers|porting request", "번호이동"},
    {"기기", "변경", Verb::Hada, 1, "Device Upgrade", "device upgrade|device upgrades|new devices",
     ""},
    {"해지", "위약금", Verb::None, 1, "Early Termination Fee",
     "early termination fee|termination fees|cancellation penalty", "위약금"},
    {"소액결제", "차단", Verb::Hada, 1, "Micropayment Blocking",
     "micropayment blocking|micropayments|small payments", ""},
    {"스팸", "차단", Verb::Hada, 1, "Spam Blocking", "spam blocking|spam messages|blocked numbers",
     ""},
    {"통화", "품질", Verb::None, 1, "Call Quality", "call quality|dropped calls|call drops", ""},
    {"인터넷", "설치", Verb::HadaBatda, 1, "Internet Installation",
     "internet installation|installation visits|installation date", ""},
    {"와이파이", "연결", Verb::Hada, 1, "Wi-Fi Connection",
     "Wi-Fi connection|Wi-Fi connections|wireless network", ""},
    {"일시", "정지", Verb::Hada, 1, "Service Suspension",
     "service suspension|suspended lines|line suspension", ""},
    {"개통", "지연", Verb::None, 1, "Activation Delay",
     "activation delay|activation delays|delayed activation", ""},
    {"미납", "요금", Verb::None, 1, "Overdue Bill", "overdue bill|overdue bills|unpaid charges",
     "연체 요금"},
    // commerce
    {"", "환불", Verb::HadaBatda, 2, "Refund", "refund|refunds|refund request|refund requests",
     "환불 신청|환불 처리"},
    {"배송", "조회", Verb::Hada, 2, "Delivery Tracking",
     "delivery tracking|tracking numbers|parcel tracking", "배송"},
    {"주문", "취소", Verb::Hada, 2, "Order Cancellation",
     "order cancellation|cancelled orders|order cancellations", "주문취소"},
    {"반품", "신청", Verb::Hada, 2, "Return Request", "return request|returns|returned items",
     "반품"},
    {"교환", "신청", Verb::Hada, 2, "Exchange Request",
     "exchange request|exchanges|exchanged items", "교환"},
    {"쿠폰", "사용", Verb::Hada, 2, "Coupon Use", "coupon|coupons|coupon codes", "쿠폰"},
    {"현금영수증", "발급", Verb::HadaBatda, 2, "Cash Receipt",
     "cash receipt|cash receipts|receipt issuance", ""},
    {"마일리지", "적립", Verb::HadaBatda, 2, "Mileage", "mileage|mileage points|mileage balance",
     ""},
    {"결제", "오류", Verb::None, 2, "Payment Error", "payment error|payment errors|failed payments",
     "결제 실패"},
    {"예약", "변경", Verb::Hada, 2, "Booking Change", "booking change|booking changes|reservations",
     ""},
    {"멤버십", "등급", Verb::None, 2, "Membership Tier",
     "membership tier|membership tiers|tier upgrades", ""},
    // banking
    {"OTP", "재발급", Verb::HadaBatda, 3, "OTP Reissue", "OTP reissue|OTP devices|OTP tokens",
     "OTP"},
    {"계좌", "이체", Verb::Hada, 3, "Account Transfer", "account transfer|transfers|wire transfers",
     "계좌이체"},
    {"자동이체", "등록", Verb::Hada, 3, "Auto-debit Setup",
     "auto-debit|auto-debits|automatic payments", "자동이체"},
    {"보안카드", "재발급", Verb::HadaBatda, 3, "Security Card Reissue",
     "security card|security cards|security card reissue", ""},
    {"인증서", "발급", Verb::HadaBatda, 3, "Certificate Issuance",
     "certificate|certificates|digital certificates", "인증서"},
    {"대출", "상환", Verb::Hada, 3, "Loan Repayment",
     "loan repayment|loan repayments|early repayment", ""},
    {"적금", "해지", Verb::Hada, 3, "Savings Closure",
     "savings closure|savings accounts|installment savings", ""},
    {"출금", "제한", Verb::None, 3, "Withdrawal Restriction",
     "withdrawal restriction|withdrawal limits|restricted withdrawals", ""},
    {"가상계좌", "입금", Verb::Hada, 3, "Virtual Account Deposit",
     "virtual account|virtual accounts|deposits", ""},
    {"이체", "한도", Verb::None, 3, "Transfer Limit", "transfer limit|transfer limits|daily limits",
     ""},
    // account
    {"비밀번호", "변경", Verb::Hada, 4, "Password Reset",
     "password reset|password resets|password change|new password", "비밀번호 재설정"},
    {"주소", "변경", Verb::Hada, 4, "Address Change", "address change|address changes|new address",
     ""},
    {"명의", "변경", Verb::Hada, 4, "Ownership Transfer",
     "ownership transfer|name change|account holder change", "명의"},
    {"ARS", "인증", Verb::HadaBatda, 4, "ARS Verification",
     "ARS verification|phone verification|automated verification", "ARS"},
    {"본인", "인증", Verb::HadaBatda, 4, "Identity Verification",
     "identity verification|identity checks|verification", "본인 확인"},
    {"앱", "로그인", Verb::Hada, 4, "App Login", "app login|app logins|mobile app",
     "앱 로그인 오류"},
    {"계정", "잠금", Verb::None, 4, "Account Lockout",
     "account lockout|locked accounts|account locks", ""},
    {"회원", "탈퇴", Verb::Hada, 4, "Membership Withdrawal",
     "account deletion|deleted accounts|membership withdrawal", ""},
    {"이메일", "변경", Verb::Hada, 4, "Email Change", "email change|email addresses|email update",
     ""},
    {"문자", "알림", Verb::None, 4, "SMS Alerts", "SMS alert|SMS alerts|text notifications",
     "알림 문자"},
    {"상담원", "연결", Verb::Hada, 4, "Agent Connection",
     "agent connection|waiting times|call transfers", ""},
    {"청구서", "재발행", Verb::HadaBatda, 4, "Bill Reissue", "bill reissue|bills|paper bills",
     "청구서"},
    {"명세서", "조회", Verb::Hada, 4, "Statement Inquiry",
     "statement|statements|monthly statements", ""},
    {"개인정보", "변경", Verb::Hada, 4, "Personal Data Update",
     "personal data|personal details|contact details", ""},
    // insurance
    {"보험금", "청구", Verb::Hada, 5, "Insurance Claim", "insurance claim|claims|claim documents",
     "보험금"},
    {"보험료", "납입", Verb::Hada, 5, "Premium Payment", "premium payment|premiums|premium due",
     ""},
    {"청약", "철회", Verb::Hada, 5, "Cooling-off Withdrawal",
     "cooling-off withdrawal|cooling-off period|application withdrawal", ""},
};

// Articles with distinctive titles; the labelled queries aim at most of them.
struct TargetSpec {
    const char* lang;
    const char* title;
    const char* topicA;  // Korean canonical noun of the main topic
    const char* topicB;  // …and of the second topic the body also covers
};

const std::vector<TargetSpec> kTargets = {
    {"ko", "해외 로밍 중 OTP 재발급 방법", "해외 로밍", "OTP 재발급"},
    {"ko", "해외 로밍 요금 폭탄 예방 안내", "해외 로밍", "미납 요금"},
    {"ko", "해외 로밍 요금제 변경 시점", "해외 로밍", "요금제 변경"},
    {"ko", "분실 카드 해외 결제 차단 절차", "카드 분실", "해외 결제"},
    {"ko", "비밀번호 변경 후 ARS 인증 오류 해결", "비밀번호 변경", "ARS 인증"},
    {"ko", "ARS 인증 오류 시 대체 인증 방법", "ARS 인증", "본인 인증"},
    {"ko", "법인카드 비밀번호 변경 절차", "비밀번호 변경", "카드 재발급"},
    {"ko", "가족카드 분실 신고 및 재발급", "카드 분실", "카드 재발급"},
    {"ko", "카드분실신고 후 자동이체 변경", "카드 분실", "자동이체 등록"},
    {"ko", "환불 계좌 변경 방법", "환불", "계좌 이체"},
    {"ko", "부분 환불 처리 기준", "환불", "주문 취소"},
    {"ko", "해지 위약금 면제 대상 안내", "해지 위약금", "요금제 변경"},
    {"ko", "약정 기간 중 요금제 변경 시 위약금", "요금제 변경", "해지 위약금"},
    {"ko", "할부 취소 후 환불 처리", "할부", "환불"},
    {"ko", "무이자 할부 적용 기준", "할부", "해외 결제"},
    {"ko", "명의 변경 시 미납 요금 승계", "명의 변경", "미납 요금"},
    {"ko", "사망자 명의 변경 및 상속 절차", "명의 변경", "본인 인증"},
    {"ko", "이사 후 주소 변경과 인터넷 이전 설치", "주소 변경", "인터넷 설치"},
    {"ko", "배송 조회가 안 될 때 확인 사항", "배송 조회", "주문 취소"},
    {"ko", "해외 배송 조회 방법", "배송 조회", "해외 결제"},
    {"ko", "포인트 소멸 예정 안내", "포인트 적립", "문자 알림"},
    {"ko", "포인트 전환 및 마일리지 적립", "포인트 적립", "마일리지 적립"},
    {"ko", "결제 오류로 이중 결제된 경우 환불", "결제 오류", "환불"},
    {"ko", "간편결제 결제 오류 코드 안내", "결제 오류", "앱 로그인"},
    {"ko", "앱 로그인 오류 해결 방법", "앱 로그인", "계정 잠금"},
    {"ko", "앱 푸시 알림 설정", "문자 알림", "앱 로그인"},
    {"ko", "모바일 앱 설치 오류", "앱 로그인", "본인 인증"},
    {"ko", "IC칩 손상 카드 교체", "카드 재발급", "결제 오류"},
    {"ko", "휴면 계좌 해제 방법", "계좌 이체", "본인 인증"},
    {"ko", "압류 계좌 출금 제한 안내", "출금 제한", "계좌 이체"},
    {"ko", "미성년 자녀 체크카드 발급", "카드 재발급", "본인 인증"},
    {"ko", "적금 중도 해지 이자 안내", "적금 해지", "계좌 이체"},
    {"ko", "리볼빙 해지 및 결제일 변경", "리볼빙", "결제일 변경"},
    {"ko", "연회비 환불 기준", "연회비", "환불"},
    {"ko", "유심 교체 후 OTP 재발급", "유심 교체", "OTP 재발급"},
    {"ko", "USIM 분실 시 소액결제 차단", "유심 교체", "소액결제 차단"},
    {"ko", "와이파이 연결 끊김 해결", "와이파이 연결", "통화 품질"},
    {"ko", "Wi-Fi 공유기 재설정 방법", "와이파이 연결", "인터넷 설치"},
    {"ko", "번호 이동 후 포인트 승계", "번호 이동", "포인트 적립"},
    {"ko", "기기 변경 할부 잔여금 안내", "기기 변경", "할부"},
    {"ko", "보험금 청구 서류 안내", "보험금 청구", "본인 인증"},
    {"ko", "실손 보험금 청구 앱 이용 방법", "보험금 청구", "앱 로그인"},
    {"ko", "청약 철회 기간과 환불", "청약 철회", "환불"},
    {"ko", "현금영수증 발급 오류 정정", "현금영수증 발급", "결제 오류"},
    {"ko", "세금계산서 재발행 요청", "청구서 재발행", "현금영수증 발급"},
    {"ko", "자동이체 등록 실패 원인", "자동이체 등록", "계좌 이체"},
    {"ko", "계좌 이체 한도 상향 방법", "이체 한도", "계좌 이체"},
    {"ko", "보안카드 재발급 및 OTP 전환", "보안카드 재발급", "OTP 재발급"},
    {"ko", "공동인증서 발급 오류", "인증서 발급", "본인 인증"},
    {"ko", "SMS 인증번호 미수신 해결", "본인 인증", "문자 알림"},
    {"ko", "상담원 연결 대기 시간 안내", "상담원 연결", "ARS 인증"},
    {"ko", "계정 잠금 해제 및 비밀번호 초기화", "계정 잠금", "비밀번호 변경"},
    {"ko", "회원 탈퇴 후 재가입 제한", "회원 탈퇴", "개인정보 변경"},
    {"ko", "이메일 변경 인증 메일 미수신", "이메일 변경", "본인 인증"},
    {"ko", "주문 취소 후 환불 지연", "주문 취소", "환불"},
    {"ko", "교환 반품 택배 회수 일정", "교환 신청", "반품 신청"},
    {"ko", "쿠폰 사용 기한 연장 불가 안내", "쿠폰 사용", "멤버십 등급"},
    {"ko", "멤버십 등급 산정 기준", "멤버십 등급", "포인트 적립"},
    {"ko", "데이터 충전 쿠폰 등록", "데이터 충전", "쿠폰 사용"},
    {"ko", "인터넷 설치 일정 변경", "인터넷 설치", "예약 변경"},
    {"ko", "IPTV 셋톱박스 교체", "인터넷 설치", "기기 변경"},
    {"ko", "개통 지연 보상 기준", "개통 지연", "번호 이동"},
    {"ko", "일시 정지 기간 요금", "일시 정지", "미납 요금"},
    {"ko", "스팸 차단 문자 필터 설정", "스팸 차단", "문자 알림"},
    {"ko", "통화 품질 불량 접수", "통화 품질", "기기 변경"},
    {"ko", "가상계좌 입금 확인 지연", "가상계좌 입금", "주문 취소"},
    {"ko", "대출 상환 일정 변경", "대출 상환", "자동이체 등록"},
    {"ko", "예약 변경 수수료 안내", "예약 변경", "환불"},
    {"ko", "청구서 이메일 재발송", "청구서 재발행", "이메일 변경"},
    {"ko", "명세서 조회 기간 안내", "명세서 조회", "앱 로그인"},
    {"ko", "분실폰 위치 조회 서비스", "유심 교체", "일시 정지"},
    {"ko", "중고폰 보상 판매 안내", "기기 변경", "번호 이동"},
    {"ko", "아이폰 유심 인식 오류", "유심 교체", "기기 변경"},
    {"ko", "앱카드 등록 및 해지", "앱 로그인", "카드 재발급"},
    {"ko", "OTP 비밀번호 오류 횟수 초과", "OTP 재발급", "비밀번호 변경"},
    {"ko", "OTP 배터리 교체", "OTP 재발급", "보안카드 재발급"},
    {"ko", "ARS 결제 취소 방법", "ARS 인증", "주문 취소"},
    {"ko", "카드 결제일 변경 가능 기간", "결제일 변경", "카드 재발급"},
    {"ko", "해외 결제 차단 해제", "해외 결제", "카드 분실"},
    {"ko", "개인정보 변경 시 본인 확인", "개인정보 변경", "본인 인증"},
    {"ko", "무이자할부 이벤트 카드사별 안내", "할부", "포인트 적립"},
    {"ko", "휴면계좌 통합 조회", "계좌 이체", "본인 인증"},
    {"ko", "압류 해제 후 카드 재발급", "카드 재발급", "출금 제한"},
    {"ko", "상속인 금융거래 조회", "명의 변경", "본인 인증"},
    {"ko", "보험금청구서류 간소화 안내", "보험금 청구", "본인 인증"},
    {"ko", "개통지연보상 신청 방법", "개통 지연", "요금제 변경"},
    {"ko", "이체한도상향 OTP 필요 여부", "이체 한도", "OTP 재발급"},
    {"ko", "앱로그인오류 코드별 조치", "앱 로그인", "계정 잠금"},
    {"ko", "현금영수증발급 기준 변경", "현금영수증 발급", "결제 오류"},
    {"ko", "택배 분실 시 보상 절차", "배송 조회", "환불"},
    {"ko", "정기 적금 만기 해지", "적금 해지", "자동이체 등록"},
    {"ko", "부모님 폰 요금제 변경", "요금제 변경", "명의 변경"},
    {"ko", "청약 철회 기간 계산 방법", "청약 철회", "보험료 납입"},
    {"en", "Refunds for Cancelled Orders", "환불", "주문 취소"},
    {"en", "Partial Refund Policy", "환불", "주문 취소"},
    {"en", "Password Reset for Locked Accounts", "비밀번호 변경", "계정 잠금"},
    {"en", "Resetting Your App Password", "비밀번호 변경", "앱 로그인"},
    {"en", "Lost Card Replacement Abroad", "카드 분실", "카드 재발급"},
    {"en", "Reporting a Stolen Card", "카드 분실", "해외 결제"},
    {"en", "Roaming Charges While Travelling", "해외 로밍", "미납 요금"},
    {"en", "International Roaming Data Packs", "해외 로밍", "데이터 충전"},
    {"en", "Delivery Tracking for Overseas Orders", "배송 조회", "해외 결제"},
    {"en", "Early Termination Fees Explained", "해지 위약금", "요금제 변경"},
    {"en", "Installment Plans for Smartphones", "할부", "기기 변경"},
    {"en", "Payment Errors at Checkout", "결제 오류", "주문 취소"},
    {"en", "Changing Your Billing Address", "주소 변경", "청구서 재발행"},
    {"en", "OTP Device Replacement", "OTP 재발급", "보안카드 재발급"},
    {"en", "Two-Factor Authentication Problems", "본인 인증", "OTP 재발급"},
    {"en", "Loyalty Points Expiry", "포인트 적립", "문자 알림"},
    {"en", "Wi-Fi Connection Drops", "와이파이 연결", "통화 품질"},
    {"en", "SIM Card Activation Delays", "유심 교체", "개통 지연"},
    {"en", "Account Lockout After Failed Logins", "계정 잠금", "앱 로그인"},
    {"en", "Invoice Reissue Requests", "청구서 재발행", "이메일 변경"},
};

// Labelled queries. Relevant = every article whose title, lower-cased and without spaces,
// contains each comma-separated key.
struct LabelledQuery {
    const char* category;
    const char* text;
    const char* keys;
};

constexpr std::array kCategories{"particles/endings", "no-space compound", "two-syllable",
                                 "one-syllable",      "mixed script",      "English"};

const std::vector<LabelledQuery> kLabelled = {
    // Korean with particles / verb endings
    {"particles/endings", "환불을 받으려면", "환불"},
    {"particles/endings", "환불 계좌를 변경하려면", "환불계좌변경"},
    {"particles/endings", "비밀번호를 변경하려면", "비밀번호변경"},
    {"particles/endings", "법인카드 비밀번호를 변경하려면", "법인카드비밀번호변경"},
    {"particles/endings", "해지 위약금이 면제되나요", "해지위약금,면제"},
    {"particles/endings", "무이자 할부가 되나요", "무이자할부"},
    {"particles/endings", "휴면 계좌를 해제하려면", "휴면계좌,해제"},
    {"particles/endings", "명의 변경을 하려면", "명의변경"},
    {"particles/endings", "카드를 분실했어요", "카드,분실"},
    {"particles/endings", "배송 조회가 안 될 때", "배송조회"},
    {"particles/endings", "포인트가 소멸되면", "포인트소멸"},
    {"particles/endings", "이중 결제를 환불받으려면", "이중결제,환불"},
    {"particles/endings", "주소 변경과 이전 설치", "주소변경,이전설치"},
    {"particles/endings", "적금을 중도 해지하면", "적금,중도해지"},
    {"particles/endings", "청약 철회 기간은", "청약철회기간"},
    {"particles/endings", "보험금을 청구하려면", "보험금청구"},
    {"particles/endings", "자동이체 등록이 실패했어요", "자동이체등록,실패"},
    {"particles/endings", "결제일을 변경하려면", "결제일변경"},
    {"particles/endings", "계정 잠금을 해제하려면", "계정잠금해제"},
    {"particles/endings", "상담원 연결 대기 시간은", "상담원연결대기"},
    {"particles/endings", "유심을 교체하면", "유심교체"},
    {"particles/endings", "데이터를 충전하려면", "데이터충전"},
    // compounds written without spaces
    {"no-space compound", "비밀번호변경", "비밀번호변경"},
    {"no-space compound", "카드분실신고", "카드분실"},
    {"no-space compound", "해지위약금", "해지위약금"},
    {"no-space compound", "자동이체등록", "자동이체등록"},
    {"no-space compound", "요금제변경", "요금제변경"},
    {"no-space compound", "해외로밍요금", "해외로밍요금"},
    {"no-space compound", "배송조회", "배송조회"},
    {"no-space compound", "현금영수증발급", "현금영수증발급"},
    {"no-space compound", "무이자할부", "무이자할부"},
    {"no-space compound", "휴면계좌해제", "휴면계좌해제"},
    {"no-space compound", "보험금청구서류", "보험금청구서류"},
    {"no-space compound", "이체한도상향", "이체한도상향"},
    {"no-space compound", "앱로그인오류", "앱로그인오류"},
    {"no-space compound", "개통지연보상", "개통지연보상"},
    {"no-space compound", "분실카드해외결제", "분실카드해외결제"},
    {"no-space compound", "택배분실", "택배분실"},
    // two-syllable nouns
    {"two-syllable", "할부", "할부"},
    {"two-syllable", "환불", "환불"},
    {"two-syllable", "로밍", "로밍"},
    {"two-syllable", "휴면", "휴면"},
    {"two-syllable", "압류", "압류"},
    {"two-syllable", "적금", "적금"},
    {"two-syllable", "상속", "상속"},
    {"two-syllable", "쿠폰", "쿠폰"},
    {"two-syllable", "유심", "유심"},
    {"two-syllable", "택배", "택배"},
    {"two-syllable", "면제", "면제"},
    // one-syllable words (alone or in a short query)
    {"one-syllable", "앱", "앱"},
    {"one-syllable", "폰", "폰"},
    {"one-syllable", "칩", "칩"},
    {"one-syllable", "앱 설치", "앱설치"},
    {"one-syllable", "앱 푸시", "앱푸시"},
    {"one-syllable", "중고 폰", "중고폰"},
    {"one-syllable", "폰 요금제", "폰요금제"},
    // Latin + Hangul
    {"mixed script", "OTP 재발급", "otp재발급"},
    {"mixed script", "OTP재발급", "otp재발급"},
    {"mixed script", "OTP를 재발급받으려면", "otp,재발급"},
    {"mixed script", "ARS 인증 오류", "ars인증오류"},
    {"mixed script", "ARS 결제 취소", "ars결제취소"},
    {"mixed script", "USIM 분실", "usim분실"},
    {"mixed script", "Wi-Fi 공유기", "wi-fi공유기"},
    {"mixed script", "IC칩 손상", "ic칩손상"},
    {"mixed script", "SMS 인증번호", "sms인증번호"},
    {"mixed script", "IPTV 셋톱박스", "iptv셋톱박스"},
    {"mixed script", "OTP 배터리", "otp배터리"},
    {"mixed script", "로밍 OTP", "로밍,otp"},
    {"mixed script", "유심 교체 OTP", "유심교체,otp"},
    // English: plurals, case
    {"English", "Refunds", "refund"},
    {"English", "refund policy", "refundpolicy"},
    {"English", "PASSWORD reset", "passwordreset"},
    {"English", "password resets", "passwordreset"},
    {"English", "lost cards", "lostcard"},
    {"English", "stolen card", "stolencard"},
    {"English", "Roaming charges", "roamingcharge"},
    {"English", "delivery tracking", "deliverytracking"},
    {"English", "early termination fees", "earlyterminationfee"},
    {"English", "installment plans", "installmentplan"},
    {"English", "payment errors", "paymenterror"},
    {"English", "billing address", "billingaddress"},
    {"English", "OTP device", "otpdevice"},
    {"English", "two-factor authentication", "two-factorauthentication"},
    {"English", "account lockout", "accountlockout"},
    {"English", "invoice reissue", "invoicereissue"},
    {"English", "Wi-Fi connection drops", "wi-ficonnectiondrop"},
};

// Queries that match nothing in the FTS index (typos): they take the store's typo fallback.
// Each is a word of the topic vocabulary with one jamo wrong; the report counts how many took
// the fallback (a typo that still matches a bigram is found by the any-word stage instead).
constexpr std::array kTypoQueries{"환뷸",     "위약굼",   "배송조희", "요굼제",     "비밀번후",
                                  "재발굽",   "명세사",   "분실싱고", "인터냇",     "카드벼경",
                                  "결재취소", "해즈",     "멤버쉽",   "포인트젹립", "배숑",
                                  "청구셔",   "환뷸신청", "연체료뷸", "약정기긴",   "번호이둥"};

// The typo fallback before the candidate index (the baseline of its benchmark): every title
// of the language compared with the query, jamo by jamo, window by window.
std::vector<std::int64_t> typoFullScan(agentdesk::SqliteDb& db, const std::string& query) {
    std::string compactQuery;
    for (char c : kb::lowerAscii(query)) {
        if (c != ' ')
            compactQuery.push_back(c);
    }
    const std::u32string q = kb::toU32(compactQuery);
    const std::u32string needle = kb::toJamo(q);
    const std::size_t n = q.size();
    const std::size_t m = needle.size();
    const std::size_t allowed = m <= 6 ? 1 : (m <= 12 ? 2 : 3);
    std::vector<std::int64_t> found;
    auto st = db.prepare("SELECT rowid, title FROM kb_articles");
    while (st.step()) {
        std::string title;
        for (char c : kb::lowerAscii(st.text(1))) {
            if (c != ' ')
                title.push_back(c);
        }
        const std::u32string t = kb::toU32(title);
        std::size_t best = m;
        for (std::size_t len = n > 1 ? n - 1 : 1; len <= n + 1 && best > 0; ++len) {
            for (std::size_t i = 0; i + len <= t.size(); ++i) {
                best = std::min(
                    best,
                    kb::editDistance(needle, kb::toJamo(std::u32string_view(t).substr(i, len))));
            }
        }
        if (best <= allowed && best * 3 < m)
            found.push_back(st.integer(0));
    }
    return found;
}

// ------------------------------------------------------------------ Korean text helpers

bool hasBatchim(const std::string& word) {
    const std::u32string w = kb::toU32(word);
    if (w.empty() || w.back() < 0xAC00 || w.back() > 0xD7A3)
        return false;  // Latin (OTP, ARS) reads without a final consonant here
    return (w.back() - 0xAC00) % 28 != 0;
}

// word + the particle form that fits its last syllable (을/를, 은/는, 이/가, 과/와).
std::string josa(const std::string& word, const char* afterConsonant, const char* afterVowel) {
    return word + (hasBatchim(word) ? afterConsonant : afterVowel);
}

std::vector<std::string> splitOn(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        const std::size_t end = std::min(s.find(sep, pos), s.size());
        if (end > pos)
            out.push_back(s.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

std::string compactLower(const std::string& s) {
    std::string out;
    for (char c : kb::lowerAscii(s)) {
        if (c != ' ')
            out.push_back(c);
    }
    return out;
}

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    }
    return n;
}

// ------------------------------------------------------------------ generator

class Generator {
public:
    explicit Generator(std::uint32_t seed) : rng_(seed) {
        for (const auto& t : kTopics) {
            enForms_.push_back(splitOn(t.enForms, '|'));
            koExtra_.push_back(splitOn(t.koExtra, '|'));
        }
    }

    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
    }
    bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }
    template <typename C>
    const auto& any(const C& c) {
        return c[pick(c.size())];
    }

    static std::string canonical(const Topic& t) {
        return *t.obj ? std::string(t.obj) + " " + t.act : std::string(t.act);
    }
    static std::string compactForm(const Topic& t) { return std::string(t.obj) + t.act; }

    // The topic as a noun: mostly "비밀번호 변경", sometimes "비밀번호변경" or an extra form.
    std::string noun(std::size_t ti, bool allowExtra = true) {
        const Topic& t = kTopics[ti];
        if (allowExtra && !koExtra_[ti].empty() && chance(12))
            return any(koExtra_[ti]);
        if (*t.obj && chance(15))
            return compactForm(t);
        return canonical(t);
    }
    std::string objWithParticle(const Topic& t) { return josa(t.obj, "을", "를"); }

    // "…하려면" clause: 비밀번호를 변경하려면, 환불받으시려면, 결제 오류가 궁금하시면.
    std::string cond(std::size_t ti) {
        const Topic& t = kTopics[ti];
        const std::string a = t.act;
        const std::string n = noun(ti);
        std::vector<std::string> options;
        if (t.verb == Verb::None) {
            options = {josa(n, "이", "가") + " 궁금하시면", n + " 관련 문의가 있으면",
                       josa(n, "이", "가") + " 문제가 되는 경우"};
        } else {
            const std::string lead = *t.obj ? objWithParticle(t) + " " : "";
            options = {lead + a + "하려면", lead + a + "하시려면",
                       josa(n, "을", "를") + " 원하시면", n + " 신청을 하시려면"};
            if (t.verb == Verb::HadaBatda) {
                options.push_back(lead + a + "받으시려면");
                options.push_back(lead + a + "받으려면");
                options.push_back(josa(n, "을", "를") + " 받으시려면");
            }
        }
        return any(options);
    }
    std::string doPolite(std::size_t ti) {
        const Topic& t = kTopics[ti];
        if (t.verb == Verb::None)
            return noun(ti) + " 내용을 자세히 안내해 드립니다.";
        if (chance(30))
            return noun(ti) + " 처리를 도와드립니다.";
        return (*t.obj ? objWithParticle(t) + " " : "") + t.act + "해 드립니다.";
    }
    std::string can(std::size_t ti) {
        const Topic& t = kTopics[ti];
        const std::string lead = *t.obj ? objWithParticle(t) + " " : "";
        switch (t.verb) {
            case Verb::HadaBatda:
                return chance(50) ? lead + t.act + "받으실 수 있습니다."
                                  : josa(noun(ti), "을", "를") + " 받으실 수 있습니다.";
            case Verb::Hada:
                return lead + t.act + "하실 수 있습니다.";
            case Verb::None:
                break;
        }
        return noun(ti) + " 관련 안내를 받으실 수 있습니다.";
    }

    // Fills {N} {N을} {N은} {N이} {COND} {DO} {CAN} {P} {D} {e} {E} for topic ti.
    std::string expand(const std::string& tpl, std::size_t ti) {
        std::string out;
        for (std::size_t i = 0; i < tpl.size();) {
            if (tpl[i] != '{') {
                out.push_back(tpl[i++]);
                continue;
            }
            const std::size_t close = tpl.find('}', i);
            const std::string key = tpl.substr(i + 1, close - i - 1);
            i = close + 1;
            const Topic& t = kTopics[ti];
            if (key == "N")
                out += noun(ti);
            else if (key == "N을")
                out += josa(noun(ti), "을", "를");
            else if (key == "N은")
                out += josa(noun(ti), "은", "는");
            else if (key == "N이")
                out += josa(noun(ti), "이", "가");
            else if (key == "COND")
                out += cond(ti);
            else if (key == "DO")
                out += doPolite(ti);
            else if (key == "CAN")
                out += can(ti);
            else if (key == "P")
                out += any(kDomains[static_cast<std::size_t>(t.domain)].products);
            else if (key == "D")
                out += std::to_string(1 + pick(7));
            else if (key == "e" || key == "E") {
                std::string e = any(enForms_[ti]);
                if (key == "E" && !e.empty() && e[0] >= 'a' && e[0] <= 'z')
                    e[0] = static_cast<char>(e[0] - 'a' + 'A');
                out += e;
            }
        }
        return out;
    }

    struct Article {
        std::string title, body, lang;
        std::size_t topic;
    };

    Article regular() {
        const std::size_t ti = pick(kTopics.size());
        const Topic& t = kTopics[ti];
        const auto& d = kDomains[static_cast<std::size_t>(t.domain)];
        Article a;
        a.topic = ti;
        if (chance(20)) {
            a.lang = "en";
            static const std::array patterns{
                "{T} Guide",          "{T}: Frequently Asked Questions", "Handling {T} Requests",
                "{PT} {T} Procedure", "{T} Checklist for Agents",        "{T} Policy Overview"};
            std::string title = any(patterns);
            replace(title, "{PT}", any(d.enProducts));
            replace(title, "{T}", t.en);
            a.title = title;
            a.body = englishBody(ti, secondaries(ti), "");
        } else {
            a.lang = "ko";
            static const std::array suffixes{"안내",           "방법",        "절차",
                                             "처리 기준",      "시 유의사항", "문의 응대",
                                             "자주 묻는 질문", "신청 방법",   "상담 가이드"};
            const std::string n = *t.obj && chance(15) ? compactForm(t) : canonical(t);
            const std::string product = any(d.products);
            const bool prefix = chance(50) && canonical(t).find(product) == std::string::npos;
            a.title = (prefix ? product + " " : "") + n + " " + any(suffixes);
            a.body = koreanBody(ti, secondaries(ti), "");
        }
        return a;
    }

    Article target(const TargetSpec& spec, std::size_t ta, std::size_t tb) {
        Article a;
        a.topic = ta;
        a.lang = spec.lang;
        a.title = spec.title;
        a.body =
            a.lang == "en" ? englishBody(ta, {tb}, spec.title) : koreanBody(ta, {tb}, spec.title);
        return a;
    }

    // Unlabelled queries of the kinds counselors type, from the topic vocabulary.
    std::string randomQuery() {
        const std::size_t ti = pick(kTopics.size());
        const Topic& t = kTopics[ti];
        switch (pick(12)) {
            case 0:
            case 1:
                return canonical(t);
            case 2:
                return *t.obj ? compactForm(t) : canonical(t) + " 방법";
            case 3:
                return cond(ti);
            case 4:
                return noun(ti, false) + " 방법";
            case 5:
                return std::string(any(kDomains[static_cast<std::size_t>(t.domain)].products)) +
                       " " + noun(ti, false);
            case 6:
                return *t.obj && chance(50) ? std::string(t.obj) : std::string(t.act);
            case 7:
                return josa(noun(ti, false), "을", "를");
            case 8:
                return canonical(t) + " " + canonical(kTopics[pick(kTopics.size())]);
            case 9:
                return kb::lowerAscii(t.en);
            case 10:
                return any(enForms_[ti]);
            default:
                return kb::lowerAscii(t.en) + (chance(50) ? " request" : " policy");
        }
    }

private:
    static void replace(std::string& s, const std::string& from, const std::string& to) {
        const auto pos = s.find(from);
        if (pos != std::string::npos)
            s.replace(pos, from.size(), to);
    }

    std::vector<std::size_t> secondaries(std::size_t ti) {
        std::vector<std::size_t> out;
        const int count = static_cast<int>(pick(3));  // 0-2 other topics
        for (int i = 0; i < count; ++i) {
            std::size_t other = pick(kTopics.size());
            if (chance(60)) {  // mostly from the same domain
                for (int tries = 0; tries < 8 && kTopics[other].domain != kTopics[ti].domain;
                     ++tries)
                    other = pick(kTopics.size());
            }
            if (other != ti)
                out.push_back(other);
        }
        return out;
    }

    // Appends sentences until the body is between 300 and 1500 characters.
    template <typename NextSentence>
    void fill(std::string& body, std::size_t wanted, NextSentence next) {
        std::size_t length = codePoints(body);
        std::string paragraph;
        int inParagraph = 0;
        for (;;) {
            const std::string s = next();
            const std::size_t add = codePoints(s) + 1;
            if (length >= 300 && length + add > wanted)
                break;
            paragraph += (paragraph.empty() ? "" : " ") + s;
            length += add;
            if (++inParagraph == 3) {
                body += "\n\n" + paragraph;
                paragraph.clear();
                inParagraph = 0;
            }
        }
        if (!paragraph.empty())
            body += "\n\n" + paragraph;
    }

    std::string koreanBody(std::size_t ti, const std::vector<std::size_t>& others,
                           const std::string& title) {
        static const std::array primary{
            "{P} {N} 문의가 접수되면 먼저 본인 확인을 진행합니다.",
            "{COND} 본인 명의의 휴대폰으로 인증을 먼저 완료해 주세요.",
            "{N은} 영업일 기준 {D}일 이내에 처리됩니다.",
            "상담원이 내용을 확인한 뒤 바로 {DO}",
            "{N이} 완료되면 등록된 연락처로 알림 문자가 발송됩니다.",
            "{N을} 원하시는 경우 홈페이지에서도 신청하실 수 있습니다.",
            "가까운 영업점을 방문하시면 {CAN}",
            "{N} 처리 결과는 마이페이지에서 확인할 수 있습니다.",
            "{N} 시 유의사항을 반드시 함께 안내해 주세요.",
            "고객님께서 {N} 건으로 다시 문의하시면 이전 상담 이력을 먼저 확인합니다.",
            "{N} 수수료는 없으며 일부 상품은 예외입니다.",
            "{N} 접수 후 취소는 당일에만 가능합니다.",
            "{COND} 신분증을 미리 준비해 달라고 안내합니다.",
            "{P} 고객의 {N} 요청은 담당 부서 확인 후 {DO}"};
        static const std::array steps1{"고객 본인 확인 (성명, 생년월일, 휴대폰 번호 뒷자리)",
                                       "본인 확인 후 상담 이력 조회", "고객 정보와 가입 상품 확인"};
        static const std::array steps2{"{N} 가능 여부와 대상 상품 조회",
                                       "{N} 조건과 제한 사항 확인",
                                       "{N이} 가능한지 시스템에서 확인"};
        static const std::array steps3{"{N} 접수 후 처리 번호 안내", "{N} 요청 등록 및 결과 안내",
                                       "{DO}"};
        static const std::array steps4{"처리 완료 문자 수신 여부 확인",
                                       "추가 문의 여부 확인 후 종료", "상담 이력에 처리 내용 기록"};
        static const std::array secondary{"{N} 문의는 별도 문서를 참고해 주세요.",
                                          "{N을} 함께 요청하시면 이어서 처리합니다.",
                                          "{COND} 관련 문서의 절차를 따릅니다.",
                                          "고객이 {N}도 원하시면 상담을 이어서 진행합니다."};
        static const std::array filler{
            "상담 가능 시간은 평일 오전 9시부터 오후 6시까지입니다.",
            "주말과 공휴일에는 자동응답 서비스로만 접수할 수 있습니다.",
            "고객님의 개인정보는 관련 법령에 따라 안전하게 보호됩니다.",
            "통화 내용은 서비스 품질 향상을 위해 녹음될 수 있습니다.",
            "처리 결과에 대한 만족도 조사 문자가 발송될 수 있습니다.",
            "추가 문의 사항은 1:1 문의 게시판을 이용해 주시기 바랍니다.",
            "상담원은 고객님께 비밀번호 전체를 묻지 않습니다.",
            "모바일 앱에서는 24시간 조회가 가능합니다.",
            "본 안내는 약관 변경에 따라 달라질 수 있습니다.",
            "고령 고객님께는 천천히 한 단계씩 안내해 주세요.",
            "대리인 신청 시에는 위임장과 신분증 사본이 필요합니다.",
            "시스템 점검 시간(매일 23:50~00:10)에는 일부 서비스가 제한됩니다.",
            "처리가 지연되면 담당 부서로 이관하고 회신 일정을 안내합니다.",
            "고객 불만이 접수된 건은 24시간 이내에 1차 회신해야 합니다.",
            "안내 후에는 상담 이력에 처리 내용을 반드시 기록해 주세요.",
            "동일 문의가 반복되면 팀장에게 에스컬레이션합니다.",
            "문자 메시지의 링크는 공식 도메인인지 꼭 확인하시도록 안내합니다.",
            "해외 체류 중인 고객님은 국제전화로 상담을 요청하실 수 있습니다.",
            "청각 장애 고객님은 채팅 상담을 이용하실 수 있습니다.",
            "외국인 고객님은 영어 상담 전용 번호로 연결해 드립니다.",
            "고객님께 처리 예정일을 다시 한번 확인해 드립니다.",
            "전산 장애가 있을 때는 수기로 접수한 뒤 다음 날 등록합니다.",
            "문의 내용이 복잡하면 콜백 예약을 제안해 주세요.",
            "녹취 요청이 있으면 정보보호팀 절차에 따라 처리합니다.",
            "상담 종료 전 다른 불편 사항이 없는지 여쭤봅니다.",
            "공지사항에 게시된 최신 기준을 우선 적용합니다.",
            "처리 기준이 바뀌면 상담 스크립트도 함께 수정됩니다.",
            "명확하지 않은 내용은 추측하지 말고 상위 부서에 확인합니다.",
            "고객님이 원하시면 안내 내용을 문자로 보내 드립니다.",
            "통화 연결이 끊기면 등록된 번호로 다시 전화를 드립니다."};
        const std::size_t wanted = 300 + pick(1201);
        std::string body = "## 개요\n\n";
        if (!title.empty()) {
            body += any(std::array{"이 문서는 '" + title + "' 상담 기준을 정리한 것입니다.",
                                   title + "에 대한 문의가 늘어 처리 기준을 정리했습니다."}) +
                    " ";
        }
        body += expand(any(primary), ti) + " " + expand(any(primary), ti);
        if (!others.empty())
            body += " " + expand(any(secondary), others[0]);
        body += "\n\n## 처리 절차\n\n1. " + expand(any(steps1), ti) + "\n2. " +
                expand(any(steps2), ti) + "\n3. " + expand(any(steps3), ti) + "\n4. " +
                expand(any(steps4), ti) + "\n\n## 참고";
        fill(body, wanted, [&] {
            const std::size_t r = pick(100);
            if (r < 35)
                return expand(any(primary), ti);
            if (r < 50 && !others.empty())
                return expand(any(secondary), any(others));
            if (r < 50 && !title.empty())
                return title + " 관련 예외 사항은 팀장 승인 후 처리합니다.";
            return std::string(any(filler));
        });
        return body;
    }

    std::string englishBody(std::size_t ti, const std::vector<std::size_t>& others,
                            const std::string& title) {
        static const std::array primary{
            "Customers asking about {e} must be verified before any change is made.",
            "{E} requests are usually completed within {D} business days.",
            "If the customer mentions {e}, check the account history first.",
            "Explain the {e} policy clearly and confirm the customer understood it.",
            "Agents can register {e} from the customer detail screen.",
            "A confirmation text message is sent once the {e} is complete.",
            "Do not promise a date for {e} before the back office confirms it.",
            "For {e}, the customer can also use the website or the mobile app.",
            "There is no fee for {e} on most products.",
            "Escalate {e} cases that are older than {D} days to the team lead."};
        static const std::array secondary{"For {e}, see the separate article.",
                                          "If the customer also asks about {e}, continue in the "
                                          "same call.",
                                          "Questions about {e} follow their own procedure."};
        static const std::array filler{
            "Our contact center is open on weekdays from 9 am to 6 pm.",
            "Calls may be recorded for quality and training purposes.",
            "Never ask the customer for their full password.",
            "Write a short summary of the call in the interaction notes.",
            "Offer a callback when the queue is long.",
            "Customers abroad can reach us through the international number.",
            "Follow the latest notice on the intranet when the rules change.",
            "Ask whether there is anything else you can help with before ending the call.",
            "If the system is down, take the request on paper and enter it the next day.",
            "Check the customer's preferred language before transferring the call.",
            "Do not guess: confirm unclear rules with the back office.",
            "Send the customer a text message summarising the answer if they ask for it."};
        const std::size_t wanted = 300 + pick(1201);
        std::string body = "## Overview\n\n";
        if (!title.empty())
            body += "This article covers " + title + ". ";
        body += expand(any(primary), ti) + " " + expand(any(primary), ti);
        body +=
            "\n\n## Steps\n\n1. Verify the customer's identity (name and date of birth).\n"
            "2. " +
            expand("Check whether {e} is possible for the product.", ti) + "\n3. " +
            expand("Register the {e} and read out the ticket number.", ti) +
            "\n4. Confirm that the text message was received.\n\n## Notes";
        fill(body, wanted, [&] {
            const std::size_t r = pick(100);
            if (r < 35)
                return expand(any(primary), ti);
            if (r < 50 && !others.empty())
                return expand(any(secondary), any(others));
            return std::string(any(filler));
        });
        return body;
    }

    std::mt19937 rng_;
    std::vector<std::vector<std::string>> enForms_;
    std::vector<std::vector<std::string>> koExtra_;
};

std::size_t topicIndex(const std::string& canonicalNoun) {
    for (std::size_t i = 0; i < kTopics.size(); ++i) {
        if (Generator::canonical(kTopics[i]) == canonicalNoun)
            return i;
    }
    throw std::runtime_error("unknown topic " + canonicalNoun);
}

std::string articleId(int index) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "A%06d", index + 1);
    return buf;
}
int indexOfId(const std::string& id) {
    return id.size() > 1 && id[0] == 'A' ? std::atoi(id.c_str() + 1) - 1 : -1;
}

std::uintmax_t fileSize(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}
double mib(double bytes) {
    return bytes / 1048576.0;
}

// ------------------------------------------------------------------ methods and metrics

enum Method { Ours = 0, Unicode61 = 1, Like = 2, kMethods = 3 };
constexpr std::array kMethodNames{"ours (KnowledgeStore::search)", "FTS5 unicode61 (kb_plain)",
                                  "LIKE '%q%' scan"};
constexpr std::array kShortNames{"ours", "unicode61", "LIKE"};

struct Run {
    bool ran = false;
    double ms = 0;
    std::vector<int> top;  // article indexes, best first
    bool error = false;
};

struct QueryResult {
    std::string text;
    std::string category;  // empty for unlabelled queries
    std::vector<int> relevant;
    std::array<Run, kMethods> runs;
    bool oursPartial = false;  // some hit came from the any-word (OR) fallback
    bool oursFuzzy = false;    // answered by the typo fallback
};

// FTS5 MATCH for the unicode61 baseline: each whitespace-separated word quoted, ANDed.
std::string plainMatch(const std::string& query) {
    std::string out;
    for (const auto& word : splitOn(query, ' ')) {
        std::string q = "\"";
        for (char c : word) {
            if (c == '"')
                q.push_back('"');
            q.push_back(c);
        }
        q.push_back('"');
        out += (out.empty() ? "" : " AND ") + q;
    }
    return out;
}

struct Scores {
    int n = 0;
    int hits = 0;       // queries with at least one relevant article in the top 5
    double recall = 0;  // sum of |relevant ∩ top5| / min(5, |relevant|)
};

void score(Scores& s, const QueryResult& q, Method m) {
    const Run& r = q.runs[m];
    if (!r.ran || q.relevant.empty())
        return;
    int found = 0;
    for (int id : r.top) {
        if (std::binary_search(q.relevant.begin(), q.relevant.end(), id))
            ++found;
    }
    ++s.n;
    s.hits += found > 0;
    s.recall += static_cast<double>(found) /
                static_cast<double>(std::min<std::size_t>(kTopK, q.relevant.size()));
}

double recallOf(const QueryResult& q, Method m) {
    Scores s;
    score(s, q, m);
    return s.n ? s.recall : 0;
}

}  // namespace

int main(int argc, char** argv) {
    int articles = 100000;
    int unlabelled = 300;
    int likeUnlabelled = 50;
    double likeBudgetS = 30;
    bool perQuery = false;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--articles" && i + 1 < argc) {
            articles = std::atoi(argv[++i]);
        } else if (arg == "--queries" && i + 1 < argc) {
            unlabelled = std::atoi(argv[++i]);
        } else if (arg == "--like-queries" && i + 1 < argc) {
            likeUnlabelled = std::atoi(argv[++i]);
        } else if (arg == "--like-budget" && i + 1 < argc) {
            likeBudgetS = std::atof(argv[++i]);
        } else if (arg == "--per-query") {
            perQuery = true;
        } else if (arg == "--keep") {
            keep = true;
        } else {
            std::fprintf(stderr,
                         "usage: bench_kb_search [--articles N] [--queries U] [--like-queries K] "
                         "[--like-budget S] [--per-query] [--keep]\n");
            return 2;
        }
    }
    if (articles < 1000 || unlabelled < 0)
        return 2;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    const std::string tempDir = makeRunDirectory();
    if (tempDir.empty())
        return 1;
    const std::string dbPath = tempDir + "/kb.db";
    std::printf("bench_kb_search: %u cores, load average %s, database %s\n",
                std::thread::hardware_concurrency(), loadAverage().c_str(), dbPath.c_str());
    const auto benchStart = SteadyClock::now();

    // Targets at fixed positions spread over the corpus (not at the start: LIKE returns the
    // first rows in rowid order).
    std::map<int, std::size_t> targetAt;
    std::vector<std::pair<std::size_t, std::size_t>> targetTopics;
    for (std::size_t k = 0; k < kTargets.size(); ++k) {
        const int stride = articles / static_cast<int>(kTargets.size());
        targetAt[static_cast<int>(k) * stride + stride / 2 + static_cast<int>(k % 7)] = k;
        targetTopics.emplace_back(topicIndex(kTargets[k].topicA), topicIndex(kTargets[k].topicB));
    }

    server::SqliteCrmStore store(dbPath, server::FieldCipher::forDatabase("", dbPath));
    server::SqliteKnowledgeStore kbStore(store.database());
    agentdesk::SqliteDb& db = store.database();

    // ---- 1-2. corpus and import
    std::vector<std::string> titleKeys;  // compact lower-case titles, for the ground truth
    std::vector<std::string> titles;
    std::vector<char> isEnglish;
    titleKeys.reserve(static_cast<std::size_t>(articles));
    Generator gen(kSeed);
    double genMs = 0;
    double importMs = 0;
    std::size_t markdownBytes = 0;
    const auto now = std::chrono::system_clock::now();
    std::vector<server::ArticleInput> batch;
    for (int start = 0; start < articles; start += kBatch) {
        const int end = std::min(articles, start + kBatch);
        const auto g0 = SteadyClock::now();
        batch.clear();
        for (int i = start; i < end; ++i) {
            const auto t = targetAt.find(i);
            Generator::Article a =
                t == targetAt.end() ? gen.regular()
                                    : gen.target(kTargets[t->second], targetTopics[t->second].first,
                                                 targetTopics[t->second].second);
            server::ArticleInput in;
            in.id = articleId(i);
            in.title = a.title;
            in.body = std::move(a.body);
            in.lang = a.lang;
            in.tags = {kDomains[static_cast<std::size_t>(kTopics[a.topic].domain)].tag};
            markdownBytes += in.body.size();
            titleKeys.push_back(compactLower(a.title));
            titles.push_back(a.title);
            isEnglish.push_back(a.lang == "en");
            batch.push_back(std::move(in));
        }
        const auto g1 = SteadyClock::now();
        kbStore.inTransaction([&] {
            for (const auto& in : batch)
                kbStore.saveArticle(in, now);
        });
        const auto g2 = SteadyClock::now();
        genMs += msBetween(g0, g1);
        importMs += msBetween(g1, g2);
    }
    const int stored = kbStore.articleCount();
    std::printf("\n== corpus and import\n");
    std::printf(
        "generated %d articles (%d target articles, %zu English) in %.1f s; "
        "Markdown bodies %.1f MiB\n",
        articles, static_cast<int>(kTargets.size()),
        static_cast<std::size_t>(std::count(isEnglish.begin(), isEnglish.end(), 1)), genMs / 1000.0,
        mib(static_cast<double>(markdownBytes)));
    {
        auto st = db.prepare(
            "SELECT avg(length(body_text)), min(length(body_text)), max(length(body_text)) "
            "FROM kb_articles");
        st.step();
        std::printf("body_text length (characters): mean %.0f, min %lld, max %lld\n", st.real(0),
                    static_cast<long long>(st.integer(1)), static_cast<long long>(st.integer(2)));
        st.reset();
    }
    std::printf(
        "import through SqliteKnowledgeStore::saveArticle (%d per transaction): "
        "%.1f s, %.0f articles/s (store count %d)\n",
        kBatch, importMs / 1000.0, articles / (importMs / 1000.0), stored);

    auto tableSizes = [&]() {
        std::map<std::string, double> groups;
        auto st = db.prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name");
        while (st.step()) {
            const std::string name = st.text(0);
            std::string group = "other (CRM tables, schema)";
            if (name.rfind("kb_search", 0) == 0 || name.rfind("kb_titles", 0) == 0)
                group = "kb_search*, kb_titles* (ours: contentless FTS5)";
            else if (name.rfind("kb_plain", 0) == 0)
                group = "kb_plain* (baseline unicode61)";
            else if (name == "kb_articles" || name.find("kb_articles") != std::string::npos)
                group = "kb_articles (+ indexes)";
            groups[group] += static_cast<double>(st.integer(1));
        }
        return groups;
    };
    auto printSizes = [&](const char* when) {
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        const auto t0 = SteadyClock::now();
        const auto groups = tableSizes();
        double total = 0;
        for (const auto& [g, bytes] : groups)
            total += bytes;
        std::printf("database file %s: %.1f MiB (WAL %.1f MiB); by table (dbstat, %.1f s):\n", when,
                    mib(static_cast<double>(fileSize(dbPath))),
                    mib(static_cast<double>(fileSize(dbPath + "-wal"))),
                    msBetween(t0, SteadyClock::now()) / 1000.0);
        for (const auto& [g, bytes] : groups) {
            std::printf("  %-48s %8.1f MiB  %5.1f %%\n", g.c_str(), mib(bytes),
                        100.0 * bytes / total);
        }
        return groups;
    };
    printSizes("after import");

    // ---- 3. baseline FTS5 table with the default tokenizer
    {
        const auto t0 = SteadyClock::now();
        db.exec("CREATE VIRTUAL TABLE kb_plain USING fts5(title, body)");
        db.transaction([&] {
            db.exec(
                "INSERT INTO kb_plain(rowid, title, body) "
                "SELECT rowid, title, body_text FROM kb_articles");
        });
        std::printf("baseline kb_plain = fts5(title, body) [unicode61] built in %.1f s\n",
                    msBetween(t0, SteadyClock::now()) / 1000.0);
    }
    printSizes("with the baseline table");
    {
        // Each FTS5 table: the inverted index (_data, _idx, _docsize, _config) vs the copy of
        // the indexed columns it stores itself (_content).
        auto st = db.prepare(
            "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'kb_search_%' OR name LIKE "
            "'kb_titles_%' OR name LIKE "
            "'kb_plain_%' GROUP BY name");
        std::map<std::string, std::pair<double, double>> split;  // table → index, content
        while (st.step()) {
            const std::string name = st.text(0);
            const std::string table = name.substr(0, name.rfind('_'));
            auto& [index, content] = split[table];
            (name.ends_with("_content") ? content : index) += static_cast<double>(st.integer(1));
        }
        for (const auto& [table, sizes] : split) {
            std::printf(
                "  %-8s FTS5 index %.1f MiB (%.0f bytes/article) + stored column copy "
                "(_content) %.1f MiB\n",
                table.c_str(), mib(sizes.first), sizes.first / articles, mib(sizes.second));
        }
    }
    std::vector<int> rowidToIndex;  // kb_articles.rowid → article index
    {
        auto st = db.prepare("SELECT rowid, id FROM kb_articles");
        while (st.step()) {
            const auto rowid = static_cast<std::size_t>(st.integer(0));
            if (rowid >= rowidToIndex.size())
                rowidToIndex.resize(rowid + 1, -1);
            rowidToIndex[rowid] = indexOfId(st.text(1));
        }
    }

    // ---- 4. queries
    std::vector<QueryResult> queries;
    for (const auto& l : kLabelled) {
        QueryResult q;
        q.text = l.text;
        q.category = l.category;
        const auto keys = splitOn(l.keys, ',');
        for (std::size_t i = 0; i < titleKeys.size(); ++i) {
            bool all = true;
            for (const auto& k : keys)
                all = all && titleKeys[i].find(k) != std::string::npos;
            if (all)
                q.relevant.push_back(static_cast<int>(i));
        }
        queries.push_back(std::move(q));
    }
    const std::size_t labelledCount = queries.size();
    {
        Generator qgen(kSeed + 1);
        for (int i = 0; i < unlabelled; ++i) {
            QueryResult q;
            q.text = qgen.randomQuery();
            queries.push_back(std::move(q));
        }
    }
    {
        std::vector<double> sizes;
        std::map<std::string, int> perCategory;
        for (std::size_t i = 0; i < labelledCount; ++i) {
            sizes.push_back(static_cast<double>(queries[i].relevant.size()));
            ++perCategory[queries[i].category];
            if (queries[i].relevant.empty())
                std::printf("WARNING: labelled query \"%s\" has no relevant article\n",
                            queries[i].text.c_str());
        }
        std::printf("\n== queries\n%zu labelled queries (", labelledCount);
        bool first = true;
        for (const char* c : kCategories) {
            std::printf("%s%s %d", first ? "" : ", ", c, perCategory[c]);
            first = false;
        }
        std::printf(
            ");\n  relevant articles per query: min %.0f, median %.0f, max %.0f "
            "(%d queries with <= 5 relevant)\n",
            *std::min_element(sizes.begin(), sizes.end()), percentile(sizes, 50),
            *std::max_element(sizes.begin(), sizes.end()),
            static_cast<int>(
                std::count_if(sizes.begin(), sizes.end(), [](double s) { return s <= kTopK; })));
        std::printf("%d unlabelled queries from the topic vocabulary (latency only)\n", unlabelled);
    }

    auto runOurs = [&](QueryResult& q) {
        Run& r = q.runs[Ours];
        server::KbSearch s;
        s.query = q.text;
        s.limit = kTopK;
        const auto t0 = SteadyClock::now();
        const auto hits = kbStore.search(s);
        r.ms = msBetween(t0, SteadyClock::now());
        r.ran = true;
        r.top.clear();
        for (const auto& h : hits) {
            r.top.push_back(indexOfId(h.id));
            if (h.score < -500)
                q.oursPartial = true;
            if (h.fuzzy)
                q.oursFuzzy = true;
        }
    };
    auto runPlain = [&](QueryResult& q) {
        Run& r = q.runs[Unicode61];
        const std::string match = plainMatch(q.text);
        const auto t0 = SteadyClock::now();
        r.top.clear();
        try {
            auto st = db.prepare(
                "SELECT rowid FROM kb_plain WHERE kb_plain MATCH ?1 ORDER BY bm25(kb_plain) "
                "LIMIT 5");
            st.bind(1, match);
            while (st.step())
                r.top.push_back(rowidToIndex.at(static_cast<std::size_t>(st.integer(0))));
        } catch (const std::exception&) {
            r.error = true;
        }
        r.ms = msBetween(t0, SteadyClock::now());
        r.ran = true;
    };
    auto runLike = [&](QueryResult& q) {
        Run& r = q.runs[Like];
        const auto t0 = SteadyClock::now();
        r.top.clear();
        auto st = db.prepare(
            "SELECT id FROM kb_articles WHERE title LIKE ?1 OR body_text LIKE ?1 LIMIT 5");
        st.bind(1, "%" + q.text + "%");
        while (st.step())
            r.top.push_back(indexOfId(st.text(0)));
        r.ms = msBetween(t0, SteadyClock::now());
        r.ran = true;
    };

    // Warm-up (not timed): a few unlabelled queries on the two FTS methods.
    {
        Generator wgen(kSeed + 2);
        for (int i = 0; i < 30; ++i) {
            QueryResult q;
            q.text = wgen.randomQuery();
            runOurs(q);
            runPlain(q);
        }
    }
    double likeTotalMs = 0;
    int likeSkipped = 0;
    const auto q0 = SteadyClock::now();
    for (std::size_t i = 0; i < queries.size(); ++i) {
        QueryResult& q = queries[i];
        runOurs(q);
        runPlain(q);
        const bool labelled = i < labelledCount;
        const bool likeAllowed =
            labelled || (static_cast<int>(i - labelledCount) < likeUnlabelled &&
                         likeTotalMs < likeBudgetS * 1000);
        if (likeAllowed) {
            runLike(q);
            likeTotalMs += q.runs[Like].ms;
        } else {
            ++likeSkipped;
        }
    }
    const double queryPhaseS = msBetween(q0, SteadyClock::now()) / 1000.0;

    // Typo fallback (nothing matches in FTS): timed separately. Its candidate index is built
    // on the first typo after a change of the titles: timed on its own, then the queries.
    const auto typoBuild0 = SteadyClock::now();
    const std::size_t typoTitles = kbStore.typoIndex().size();
    const double typoBuildMs = msBetween(typoBuild0, SteadyClock::now());
    const double typoMiB = static_cast<double>(kbStore.typoIndex().memoryBytes()) / 1048576.0;
    std::vector<QueryResult> typos;
    std::vector<double> typoMs;
    for (int round = 0; round < 5; ++round) {
        for (const char* t : kTypoQueries) {
            QueryResult q;
            q.text = t;
            runOurs(q);
            if (q.oursFuzzy)
                typoMs.push_back(q.runs[Ours].ms);
            if (round == 0)
                typos.push_back(std::move(q));
        }
    }
    std::vector<double> scanMs;
    std::size_t scanAgrees = 0, scanCompared = 0;
    for (const auto& q : typos) {
        if (!q.oursFuzzy || scanCompared >= 5)
            continue;
        const auto t0 = SteadyClock::now();
        const auto scanned = typoFullScan(db, q.text);
        scanMs.push_back(msBetween(t0, SteadyClock::now()));
        ++scanCompared;
        // Ours' first title is one the full scan finds too.
        if (!q.runs[Ours].top.empty()) {
            for (std::int64_t rowid : scanned) {
                if (rowidToIndex.at(static_cast<std::size_t>(rowid)) == q.runs[Ours].top[0]) {
                    ++scanAgrees;
                    break;
                }
            }
        }
    }

    // ---- 5. report
    auto latencies = [&](Method m, bool onlyWhereLikeRan) {
        std::vector<double> v;
        for (const auto& q : queries) {
            if (q.runs[m].ran && (!onlyWhereLikeRan || q.runs[Like].ran))
                v.push_back(q.runs[m].ms);
        }
        return v;
    };
    std::printf(
        "\n== latency, ms (%zu queries: %zu labelled + %d unlabelled; top %d; "
        "query phase %.1f s)\n",
        queries.size(), labelledCount, unlabelled, kTopK, queryPhaseS);
    std::printf("  %-32s %6s %9s %9s %9s %9s %9s\n", "method", "n", "p50", "p95", "p99", "max",
                "mean");
    auto latencyRow = [](const char* label, const std::vector<double>& v) {
        double sum = 0;
        for (double x : v)
            sum += x;
        std::printf("  %-32s %6zu %9.3f %9.3f %9.3f %9.3f %9.3f\n", label, v.size(),
                    percentile(v, 50), percentile(v, 95), percentile(v, 99), maxOf(v),
                    v.empty() ? 0 : sum / static_cast<double>(v.size()));
    };
    for (int m = 0; m < kMethods; ++m)
        latencyRow(kMethodNames[m], latencies(static_cast<Method>(m), false));
    {
        std::array<std::vector<double>, 2> split;  // ours on labelled, unlabelled
        for (std::size_t i = 0; i < queries.size(); ++i)
            split[i < labelledCount ? 0 : 1].push_back(queries[i].runs[Ours].ms);
        latencyRow("  ours, labelled queries only", split[0]);
        latencyRow("  ours, unlabelled queries only", split[1]);
    }
    if (likeSkipped > 0) {
        std::printf(
            "  LIKE ran on all %zu labelled queries and on %d of the %d unlabelled ones "
            "(limit --like-queries %d, budget %.0f s; LIKE total %.1f s)\n",
            labelledCount, unlabelled - likeSkipped, unlabelled, likeUnlabelled, likeBudgetS,
            likeTotalMs / 1000.0);
    }
    {
        const auto ours = latencies(Ours, false);
        const auto plain = latencies(Unicode61, false);
        const auto oursL = latencies(Ours, true);
        const auto like = latencies(Like, true);
        std::printf("  ratio baseline / ours (same queries; < 1: the baseline is faster):\n");
        std::printf("    unicode61 / ours: p50 %.2f, p95 %.2f  (n=%zu)\n",
                    percentile(plain, 50) / percentile(ours, 50),
                    percentile(plain, 95) / percentile(ours, 95), ours.size());
        std::printf("    LIKE / ours:      p50 %.2f, p95 %.2f  (n=%zu)\n",
                    percentile(like, 50) / percentile(oursL, 50),
                    percentile(like, 95) / percentile(oursL, 95), oursL.size());
        const double p95 = percentile(ours, 95);
        std::printf("  target ours p95 <= 10 ms: %s (%.3f ms)\n", p95 <= 10 ? "MET" : "NOT MET",
                    p95);
        std::printf("  target ours p95 <= unicode61 p95: %s (%.3f ms against %.3f ms)\n",
                    p95 <= percentile(plain, 95) ? "MET" : "NOT MET", p95, percentile(plain, 95));
    }
    {
        int partial = 0, fuzzy = 0, plainErrors = 0;
        for (const auto& q : queries) {
            partial += q.oursPartial;
            fuzzy += q.oursFuzzy;
            plainErrors += q.runs[Unicode61].error;
        }
        std::printf(
            "  ours: %d of %zu queries had hits from the any-word (OR) fallback, %d took "
            "the typo fallback; unicode61 MATCH errors: %d\n",
            partial, queries.size(), fuzzy, plainErrors);
        // The slowest queries of ours, to see what drives p95/p99.
        std::vector<const QueryResult*> slow;
        for (const auto& q : queries)
            slow.push_back(&q);
        std::sort(slow.begin(), slow.end(), [](const QueryResult* a, const QueryResult* b) {
            return a->runs[Ours].ms > b->runs[Ours].ms;
        });
        // Where their time goes: the MATCH expressions ours builds (kb::parseQuery), how many
        // rows each matches in the table its stage searches, and the ranking SELECT with FTS5's
        // bm25() beside the store's kb_rank() (kb/fts_rank.h; its phrase counts made beforehand,
        // as the store keeps them between queries).
        kb::PhraseStats phraseStats;
        struct Stage {
            std::int64_t rows = 0;
            double bm25Ms = 0, kbRankMs = 0;
        };
        auto stage = [&](const std::string& table, const char* weights, const std::string& match) {
            Stage out;
            if (match.empty())
                return out;
            const std::string expr = "(" + match + ")";
            auto count =
                db.prepare("SELECT count(*) FROM " + table + " WHERE " + table + " MATCH ?1");
            count.bind(1, expr);
            out.rows = count.step() ? count.integer(0) : 0;
            count.reset();
            const std::string frequencies = phraseStats.frequencies(db, table, expr, "bench");
            for (const bool ours : {false, true}) {
                const std::string rank = ours ? "kb_rank(" + table + ", 20, ?2, " + weights + ")"
                                              : "bm25(" + table + ", " + weights + ")";
                const auto t0 = SteadyClock::now();
                auto st = db.prepare("SELECT rowid, " + rank + " AS r FROM " + table + " WHERE " +
                                     table + " MATCH ?1 ORDER BY r LIMIT 20");
                st.bind(1, expr);
                if (ours)
                    st.bind(2, frequencies);
                st.run();
                (ours ? out.kbRankMs : out.bm25Ms) = msBetween(t0, SteadyClock::now());
            }
            return out;
        };
        constexpr const char* kSearchWeights = server::SqliteKnowledgeStore::kSearchRankWeights;
        constexpr const char* kTitleWeights = server::SqliteKnowledgeStore::kTitleRankWeights;
        auto print = [](const char* name, const Stage& st) {
            std::printf("; %s %lld rows (bm25 %.1f ms, kb_rank %.1f ms)", name,
                        static_cast<long long>(st.rows), st.bm25Ms, st.kbRankMs);
        };
        std::printf(
            "  slowest for ours (per stage: matching rows, ranking SELECT with bm25 / kb_rank):\n");
        for (std::size_t i = 0; i < 8 && i < slow.size(); ++i) {
            const kb::SearchQuery sq = kb::parseQuery(slow[i]->text);
            std::printf("    \"%s\" %.1f ms", slow[i]->text.c_str(), slow[i]->runs[Ours].ms);
            print("titles", stage("kb_titles", kTitleWeights, sq.allWords(true)));
            print("all-words", stage("kb_search", kSearchWeights, sq.allWords(false)));
            if (slow[i]->oursPartial)
                print("any-word", stage("kb_search", kSearchWeights, sq.anyWord()));
            std::printf("\n");
        }
    }
    {
        const std::size_t tookFallback = static_cast<std::size_t>(std::count_if(
            typos.begin(), typos.end(), [](const QueryResult& q) { return q.oursFuzzy; }));
        std::printf(
            "  typo fallback (no FTS match): %zu of %zu typo queries took it; candidate index of "
            "%zu titles built in %.0f ms (once after titles change), %.1f MiB\n",
            tookFallback, typos.size(), typoTitles, typoBuildMs, typoMiB);
        std::printf("    %-30s %6s %9s %9s %9s\n", "method", "n", "p50", "p95", "max");
        std::printf("    %-30s %6zu %9.3f %9.3f %9.3f\n", "ours (bigram candidates)", typoMs.size(),
                    percentile(typoMs, 50), percentile(typoMs, 95), maxOf(typoMs));
        std::printf("    %-30s %6zu %9.3f %9.3f %9.3f\n", "full scan of every title", scanMs.size(),
                    percentile(scanMs, 50), percentile(scanMs, 95), maxOf(scanMs));
        std::printf(
            "    full scan / ours p95: %.0fx; ours' first title is among the full scan's "
            "for %zu of %zu\n",
            percentile(scanMs, 95) / percentile(typoMs, 95), scanAgrees, scanCompared);
        const double p95 = percentile(typoMs, 95);
        std::printf("  target typo fallback p95 <= 20 ms: %s (%.3f ms)\n",
                    p95 <= 20 ? "MET" : "NOT MET", p95);
        std::printf("   ");
        for (const auto& q : typos) {
            std::printf(" \"%s\"%s -> %s;", q.text.c_str(), q.oursFuzzy ? "" : " (FTS)",
                        q.runs[Ours].top.empty()
                            ? "nothing"
                            : titles[static_cast<std::size_t>(q.runs[Ours].top[0])].c_str());
        }
        std::printf("\n");
    }

    std::printf("\n== recall on the %zu labelled queries (top %d)\n", labelledCount, kTopK);
    std::printf(
        "  relevant = articles whose title, lower-cased without spaces, contains every "
        "key of the query\n");
    std::printf("  hit@5 = share of queries with at least one relevant article in the top 5\n");
    std::printf("  R@5   = mean over queries of |relevant in top 5| / min(5, |relevant|)\n");
    std::printf("  %-20s %4s   %-15s %-15s %-15s\n", "category", "n", "ours hit/R@5", "unicode61",
                "LIKE");
    auto printScores = [&](const char* label, const std::string& category) {
        std::array<Scores, kMethods> s;
        for (std::size_t i = 0; i < labelledCount; ++i) {
            if (!category.empty() && queries[i].category != category)
                continue;
            for (int m = 0; m < kMethods; ++m)
                score(s[static_cast<std::size_t>(m)], queries[i], static_cast<Method>(m));
        }
        std::printf("  %-20s %4d  ", label, s[0].n);
        for (const auto& x : s) {
            if (x.n == 0) {
                std::printf(" %-15s", "-");
                continue;
            }
            char cell[32];
            std::snprintf(cell, sizeof cell, "%.2f / %.2f", static_cast<double>(x.hits) / x.n,
                          x.recall / x.n);
            std::printf(" %-15s", cell);
        }
        std::printf("\n");
    };
    for (const char* c : kCategories)
        printScores(c, c);
    printScores("all", "");
    {
        Scores one;
        for (std::size_t i = 0; i < labelledCount; ++i) {
            if (queries[i].category == "one-syllable")
                score(one, queries[i], Ours);
        }
        const double r = one.n ? one.recall / one.n : 0;
        std::printf("  target one-syllable R@5 >= 0.85 (ours): %s (%.2f)\n",
                    r >= 0.85 ? "MET" : "NOT MET", r);
    }

    // Where ours misses.
    std::printf(
        "\n== labelled queries where ours has R@5 < 0.5 or a lower R@5 than unicode61 "
        "(+ relevant, - not)\n");
    int shown = 0;
    for (std::size_t i = 0; i < labelledCount; ++i) {
        const QueryResult& q = queries[i];
        const double ro = recallOf(q, Ours);
        const double rp = recallOf(q, Unicode61);
        if (!(ro < 0.5 || ro < rp))
            continue;
        ++shown;
        std::printf("  [%s] \"%s\": %zu relevant; R@5 ours %.2f, unicode61 %.2f, LIKE %.2f%s\n",
                    q.category.c_str(), q.text.c_str(), q.relevant.size(), ro, rp,
                    recallOf(q, Like), q.oursPartial ? "; ours used the OR fallback" : "");
        for (int m = 0; m < 2; ++m) {
            std::printf("    %s:", kShortNames[m]);
            if (q.runs[m].top.empty())
                std::printf(" (nothing)");
            for (int id : q.runs[m].top) {
                const bool rel = std::binary_search(q.relevant.begin(), q.relevant.end(), id);
                std::printf(" %s%s |", rel ? "+" : "-",
                            id >= 0 ? titles[static_cast<std::size_t>(id)].c_str() : "?");
            }
            std::printf("\n");
        }
        if (!q.relevant.empty()) {
            std::printf("    a relevant title: %s\n",
                        titles[static_cast<std::size_t>(q.relevant[0])].c_str());
        }
    }
    if (shown == 0)
        std::printf("  none\n");

    if (perQuery) {
        std::printf(
            "\n== per labelled query: |relevant|, R@5 ours/unicode61/LIKE, ms "
            "ours/unicode61/LIKE, query\n");
        for (std::size_t i = 0; i < labelledCount; ++i) {
            const QueryResult& q = queries[i];
            std::printf("  %6zu  %.2f %.2f %.2f  %7.2f %7.2f %8.1f  [%s] %s%s\n", q.relevant.size(),
                        recallOf(q, Ours), recallOf(q, Unicode61), recallOf(q, Like),
                        q.runs[Ours].ms, q.runs[Unicode61].ms, q.runs[Like].ms, q.category.c_str(),
                        q.text.c_str(), q.oursPartial ? " (OR)" : "");
        }
    }

    std::printf("\ntotal run time %.1f s\n", msBetween(benchStart, SteadyClock::now()) / 1000.0);
    if (keep) {
        std::printf("kept %s\n", dbPath.c_str());
    } else {
        std::filesystem::remove_all(tempDir);
    }
    return 0;
}
