#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Deterministic generator for AgentDesk demo customer data.

Writes resources/demo/customers.json (relative to the repository root).
Standard library only, fixed random seed: running it twice produces a
byte-identical file.  ALL DATA IS FAKE (names, RRNs, card numbers, phones).

Usage:  python3 tools/gen_demo_customers.py [--out PATH]

Fixtures relied on by tests (always the first four customers):
  C00001 김민준  VIP, mobile 010-1234-5678 (not shared)
  C00002 이서연  mobile 010-2222-3333, home 02-555-1234 (shared with C00003)
  C00003 이준호  mobile 010-3333-4444, home 02-555-1234 (shared with C00002)
  C00004 박지훈  abusiveHistory, mobile 010-4444-5555
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 20260301
N_CUSTOMERS = 250
N_VIP = 20            # 8 %
N_ABUSIVE = 15        # 6 %
N_ENGLISH = 10
N_OPEN_CASE = 75      # 30 % have an open or pending case
N_SHARED_GROUPS = 15  # including the fixture group (C00002/C00003)

KST = dt.timezone(dt.timedelta(hours=9))
UTC = dt.timezone.utc
RANGE_START = dt.date(2025, 6, 1)
RANGE_END = dt.date(2026, 11, 20)
RANGE_END_TS = dt.datetime(2026, 11, 20, 18, 0, tzinfo=KST)
JOIN_LATEST = dt.date(2025, 5, 31)

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO_ROOT, "resources", "demo", "customers.json")

WEEKDAY_KO = "월화수목금토일"
WEEKDAY_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTH_EN = ["January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"]

# Korean public holidays in the interaction window (incl. substitute holidays).
HOLIDAYS = {dt.date.fromisoformat(s) for s in [
    "2025-06-03", "2025-06-06", "2025-08-15", "2025-10-03", "2025-10-06",
    "2025-10-07", "2025-10-08", "2025-10-09", "2025-12-25", "2026-01-01",
    "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-02", "2026-05-05",
    "2026-05-25", "2026-06-03", "2026-08-17", "2026-09-24", "2026-09-25",
    "2026-10-05", "2026-10-09", "2026-12-25"]}

# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

# (family name, romanisation, relative weight ~ share of population in %)
FAMILY_NAMES = [
    ("김", "Kim", 21.5), ("이", "Lee", 14.7), ("박", "Park", 8.4),
    ("최", "Choi", 4.7), ("정", "Jung", 4.3), ("강", "Kang", 2.3),
    ("조", "Cho", 2.1), ("윤", "Yoon", 2.1), ("장", "Jang", 2.0),
    ("임", "Lim", 1.7), ("한", "Han", 1.5), ("오", "Oh", 1.5),
    ("서", "Seo", 1.5), ("신", "Shin", 1.4), ("권", "Kwon", 1.4),
    ("황", "Hwang", 1.4), ("안", "Ahn", 1.4), ("송", "Song", 1.3),
    ("류", "Ryu", 1.2), ("전", "Jeon", 1.1), ("홍", "Hong", 1.1),
    ("고", "Ko", 0.9), ("문", "Moon", 0.9), ("양", "Yang", 0.8),
    ("손", "Son", 0.9), ("배", "Bae", 0.8), ("백", "Baek", 0.7),
    ("허", "Heo", 0.6), ("유", "Yoo", 0.6), ("남", "Nam", 0.6),
    ("심", "Shim", 0.5), ("노", "Noh", 0.5), ("하", "Ha", 0.5),
    ("곽", "Kwak", 0.4), ("성", "Sung", 0.4), ("차", "Cha", 0.4),
    ("주", "Joo", 0.4), ("우", "Woo", 0.4), ("구", "Koo", 0.4),
    ("민", "Min", 0.3), ("진", "Jin", 0.3), ("나", "Na", 0.3),
]
FAMILY_ROM = {f: r for f, r, _ in FAMILY_NAMES}

# Given names by birth generation (bucket start year) and gender.
GIVEN_NAMES = {
    1945: {
        "M": "영수 영호 영식 정수 정호 상철 광수 병철 용수 종호 만수 광호 춘식 재석 무열 기철 성근 태식 창수 동철",
        "F": "영숙 영희 정숙 순자 경숙 미숙 영자 정희 명숙 옥순 순희 말순 춘자 경자 정자 혜숙 영순 복순 금순 옥자",
    },
    1960: {
        "M": "성호 성수 영철 정훈 상훈 성진 동수 재호 명수 기영 병호 진호 광석 종훈 승호 현철 석진 준석 태영 용준",
        "F": "미숙 경희 미경 은숙 영미 정미 미영 현숙 경애 선희 혜경 명희 정순 은희 미정 숙희 인숙 경순 순옥 영애",
    },
    1970: {
        "M": "정훈 성훈 상훈 준호 동현 재훈 성민 영민 태호 승철 진우 형준 경수 상민 현철 정민 기현 민수 종훈 성우",
        "F": "미영 은정 은영 현숙 미정 지영 선영 정미 혜진 수진 은주 현정 경희 윤정 선희 미란 은희 정은 혜영 소영",
    },
    1980: {
        "M": "지훈 현우 성민 준영 동훈 민수 상현 준혁 재원 정우 승현 민호 현준 진혁 우진 태현 성현 동욱 재민 준석",
        "F": "지현 지은 수정 혜진 은지 지혜 민정 수진 유진 소연 은비 현정 미진 보람 지영 선영 다영 아름 슬기 은혜",
    },
    1990: {
        "M": "동현 지훈 현우 민석 준호 승민 성현 재현 도현 상우 민재 준영 태윤 건우 진호 우현 승우 정민 현수 민혁",
        "F": "서연 지원 수빈 민지 유진 지은 예진 수민 혜원 다은 은서 지수 소영 예지 민경 가영 보영 나연 채원 하늘",
    },
    2000: {
        "M": "민준 서준 도윤 예준 시우 주원 하준 지호 준서 준우 현우 지훈 건우 우진 선우 민재 현준 연우 유준 시윤",
        "F": "서연 서윤 지우 서현 민서 하은 하윤 윤서 지유 지민 채원 수아 지아 다은 예은 수빈 소윤 예린 은서 가은",
    },
}
GIVEN_NAMES = {k: {g: v.split() for g, v in d.items()} for k, d in GIVEN_NAMES.items()}
BIRTH_BUCKETS = [(1945, 1959, 10), (1960, 1969, 18), (1970, 1979, 22),
                 (1980, 1989, 22), (1990, 1999, 20), (2000, 2006, 8)]

# Foreign residents who prefer English (name == nameEn).
FOREIGNERS = [
    ("John Smith", "M"), ("Emily Johnson", "F"), ("Michael Brown", "M"),
    ("Sarah Wilson", "F"), ("David Miller", "M"), ("Jessica Taylor", "F"),
    ("Daniel Anderson", "M"), ("Olivia Martin", "F"), ("James Thompson", "M"),
    ("Sophie Clark", "F"),
]

# Counsellors.  The EN_AGENTS also handle English-speaking customers.
AGENTS = ["정하늘", "김소희", "박은지", "최윤아", "이다혜", "한지수", "오세진",
          "강민지", "윤서영", "임수아", "조현아", "신예린", "송지혜", "배주희",
          "서지원", "권나래", "장혜린", "문가영", "류태준", "홍성민", "김도현",
          "이재성", "박상우", "전유나"]
EN_AGENTS = ["김하나", "서준영", "이수민"]

FIXTURE_NAMES = {"김민준", "이서연", "이준호", "박지훈"}

# Revised Romanization, syllable by syllable (no sound-change rules: names).
_INI = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j",
        "jj", "ch", "k", "t", "p", "h"]
_MED = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
        "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
_FIN = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
        "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
assert len(_INI) == 19 and len(_MED) == 21 and len(_FIN) == 28


def romanize(hangul):
    out = []
    for ch in hangul:
        c = ord(ch) - 0xAC00
        assert 0 <= c < 11172, hangul
        out.append(_INI[c // 588] + _MED[(c % 588) // 28] + _FIN[c % 28])
    return "".join(out).capitalize()


# --------------------------------------------------------------------------
# Addresses and phone area codes
# --------------------------------------------------------------------------

# province -> (area code, weight, {시군구: [roads]})
REGIONS = {
    "서울특별시": ("02", 30, {
        "강남구": ["테헤란로", "강남대로", "논현로", "도산대로", "압구정로", "선릉로", "봉은사로", "삼성로"],
        "서초구": ["서초대로", "반포대로", "방배로", "사평대로", "효령로"],
        "송파구": ["올림픽로", "송파대로", "위례성대로", "백제고분로", "양재대로"],
        "마포구": ["월드컵로", "마포대로", "양화로", "독막로", "와우산로"],
        "영등포구": ["여의대로", "국제금융로", "영등포로", "당산로"],
        "노원구": ["동일로", "노원로", "상계로", "한글비석로"],
        "관악구": ["관악로", "남부순환로", "봉천로", "신림로"],
        "용산구": ["이태원로", "한강대로", "녹사평대로", "서빙고로"],
        "강서구": ["공항대로", "화곡로", "강서로", "양천로"],
        "성북구": ["보문로", "동소문로", "정릉로"],
        "은평구": ["통일로", "연서로", "은평로"],
        "성동구": ["왕십리로", "성수일로", "뚝섬로"],
    }),
    "경기도": ("031", 28, {
        "수원시 영통구": ["광교중앙로", "매영로", "봉영로"],
        "성남시 분당구": ["판교역로", "분당로", "정자일로", "황새울로", "불정로"],
        "고양시 일산동구": ["중앙로", "정발산로", "일산로"],
        "용인시 수지구": ["풍덕천로", "수지로", "포은대로"],
        "화성시": ["동탄대로", "동탄순환대로", "병점중앙로"],
        "안양시 동안구": ["시민대로", "평촌대로", "귀인로"],
        "남양주시": ["다산중앙로", "경춘로"],
        "김포시": ["김포한강로", "김포대로"],
    }),
    "인천광역시": ("032", 6, {
        "연수구": ["센트럴로", "컨벤시아대로", "송도과학로", "인천타워대로"],
        "남동구": ["구월로", "인하로", "남동대로"],
        "부평구": ["부평대로", "경원대로", "길주로"],
    }),
    "부산광역시": ("051", 8, {
        "해운대구": ["해운대로", "센텀중앙로", "달맞이길", "좌동로"],
        "부산진구": ["중앙대로", "서면로", "가야대로"],
        "수영구": ["광안해변로", "수영로"],
        "동래구": ["충렬대로", "명륜로"],
    }),
    "대구광역시": ("053", 5, {
        "수성구": ["달구벌대로", "동대구로", "수성로", "범어로"],
        "중구": ["국채보상로", "중앙대로"],
        "달서구": ["월배로", "상화로"],
    }),
    "광주광역시": ("062", 3, {
        "서구": ["상무중앙로", "상무대로", "내방로"],
        "북구": ["서암대로", "우치로", "설죽로"],
        "광산구": ["임방울대로", "첨단중앙로"],
    }),
    "대전광역시": ("042", 3, {
        "유성구": ["대학로", "계룡로", "엑스포로", "유성대로"],
        "서구": ["둔산로", "대덕대로", "한밭대로"],
    }),
    "울산광역시": ("052", 2, {"남구": ["삼산로", "문수로", "번영로"]}),
    "세종특별자치시": ("044", 1, {"": ["한누리대로", "다솜로", "갈매로"]}),
    "제주특별자치도": ("064", 2, {
        "제주시": ["연북로", "노형로", "중앙로"],
        "서귀포시": ["중정로", "일주동로", "신중로"],
    }),
    "강원특별자치도": ("033", 2, {"춘천시": ["중앙로", "퇴계로"], "원주시": ["원일로", "단계로"]}),
    "충청북도": ("043", 2, {"청주시 흥덕구": ["직지대로", "가경로"]}),
    "충청남도": ("041", 2, {"천안시 서북구": ["불당대로", "번영로"]}),
    "전북특별자치도": ("063", 2, {"전주시 완산구": ["효자로", "홍산로"]}),
    "경상남도": ("055", 2, {"창원시 성산구": ["중앙대로", "원이대로"]}),
    "경상북도": ("054", 2, {"포항시 남구": ["포스코대로", "희망대로"]}),
}
FOREIGNER_REGIONS = ["서울특별시", "서울특별시", "경기도", "부산광역시", "인천광역시"]

MOBILE_RE = re.compile(r"^010-\d{4}-\d{4}$")
LANDLINE_RE = re.compile(r"^(02-\d{3,4}|0(31|32|33|41|42|43|44|51|52|53|54|55|61|62|63|64)-\d{3,4})-\d{4}$")

# --------------------------------------------------------------------------
# Products
# --------------------------------------------------------------------------

CARDS = [("AD 플래티넘 카드", "AD Platinum Card"), ("AD 골드 카드", "AD Gold Card"),
         ("AD 체크카드", "AD Check Card"), ("AD 트래블 카드", "AD Travel Card"),
         ("AD 알뜰 포인트 카드", "AD Smart Point Card"), ("AD 마일리지 카드", "AD Mileage Card")]
VIP_CARD = ("AD 노블레스 카드", "AD Noblesse Card")
MOBILE_PLANS = [("5G 프리미엄 요금제", "5G Premium plan", 89000),
                ("5G 스탠다드 요금제", "5G Standard plan", 69000),
                ("5G 슬림 요금제", "5G Slim plan", 55000),
                ("5G 플래티넘 요금제", "5G Platinum plan", 109000),
                ("LTE 데이터 안심 요금제", "LTE Data Safe plan", 49000),
                ("알뜰 유심 요금제", "Budget USIM plan", 19800)]
SENIOR_PLAN = ("LTE 시니어 요금제", "LTE Senior plan", 29000)
INTERNET_PLANS = [("기가 인터넷 500M", "Giga Internet 500M", 33000),
                  ("기가 인터넷 1G", "Giga Internet 1G", 38500),
                  ("광랜 인터넷 100M", "Fiber Internet 100M", 22000),
                  ("기가 인터넷 500M + IPTV", "Giga Internet 500M + IPTV", 44000)]
INSURANCES = [("실손 보험", "medical expense insurance"), ("암 보험", "cancer insurance"),
              ("운전자 보험", "driver insurance"), ("치아 보험", "dental insurance")]
LOANS = [("신용대출", "personal loan"), ("전세자금대출", "jeonse deposit loan"),
         ("카드론", "card loan"), ("자동차 할부 대출", "auto loan")]
KIND_WEIGHTS = {"card": 36, "mobile_plan": 30, "internet": 15, "insurance": 10, "loan": 9}

MERCHANTS = ["쿠팡", "배달의민족", "GS25", "스타벅스", "이마트", "11번가", "무신사",
             "카카오T", "올리브영", "CU", "마켓컬리", "SSG닷컴", "하이마트", "롯데백화점",
             "교보문고", "넷플릭스", "야놀자", "대한항공", "G마켓", "다이소"]
MERCHANTS_EN = ["Coupang", "Starbucks", "E-mart", "Olive Young", "Amazon", "Netflix",
                "Agoda", "Korean Air", "GS25", "Daiso"]

# --------------------------------------------------------------------------
# Wrap-up codes, queues, note templates
# --------------------------------------------------------------------------

CODE_QUEUE = {
    "BILLING_INQUIRY": "general", "DELIVERY_STATUS": "general", "ADDRESS_CHANGE": "general",
    "PASSWORD_RESET": "general", "GENERAL_INQUIRY": "general", "CALLBACK_SCHEDULED": "general",
    "CARD_LOST": "card", "CARD_REISSUE": "card", "PAYMENT_ERROR": "card", "REFUND": "card",
    "INSTALLMENT": "card",
    "CANCEL_REQUEST": "cancel", "PLAN_CHANGE": "cancel", "RETENTION_SUCCESS": "cancel",
    "COMPLAINT": "cancel",
    "ABUSIVE_CALL": None, "TRANSFERRED": None,   # any queue
}
ALL_CODES = list(CODE_QUEUE)
CODE_WEIGHTS = {
    "BILLING_INQUIRY": 16, "GENERAL_INQUIRY": 12, "DELIVERY_STATUS": 6, "ADDRESS_CHANGE": 5,
    "PASSWORD_RESET": 6, "CALLBACK_SCHEDULED": 5, "CARD_LOST": 3, "CARD_REISSUE": 4,
    "PAYMENT_ERROR": 6, "REFUND": 5, "INSTALLMENT": 4, "CANCEL_REQUEST": 6, "PLAN_CHANGE": 7,
    "RETENTION_SUCCESS": 3, "COMPLAINT": 5, "TRANSFERRED": 4, "ABUSIVE_CALL": 0,
}
# Which (non-closed) product kinds a code can be about.
CODE_KINDS = {
    "CARD_LOST": {"card"}, "CARD_REISSUE": {"card"}, "PAYMENT_ERROR": {"card"},
    "REFUND": {"card"}, "INSTALLMENT": {"card"},
    "PLAN_CHANGE": {"mobile_plan", "internet"},
    "DELIVERY_STATUS": {"card", "mobile_plan", "internet"},
    "RETENTION_SUCCESS": {"card", "mobile_plan", "internet", "insurance"},
}
DURATION = {
    "PASSWORD_RESET": (90, 300), "BILLING_INQUIRY": (120, 540), "COMPLAINT": (300, 900),
    "ABUSIVE_CALL": (180, 900), "CANCEL_REQUEST": (240, 900), "RETENTION_SUCCESS": (360, 900),
    "CALLBACK_SCHEDULED": (60, 240), "TRANSFERRED": (60, 240), "DELIVERY_STATUS": (60, 300),
    "ADDRESS_CHANGE": (120, 360), "GENERAL_INQUIRY": (90, 420), "CARD_LOST": (120, 420),
    "CARD_REISSUE": (120, 360), "PAYMENT_ERROR": (150, 600), "REFUND": (150, 540),
    "INSTALLMENT": (120, 480), "PLAN_CHANGE": (240, 720),
}
NON_CALL_CODES = {"BILLING_INQUIRY", "DELIVERY_STATUS", "ADDRESS_CHANGE", "PASSWORD_RESET",
                  "GENERAL_INQUIRY", "REFUND", "PAYMENT_ERROR", "INSTALLMENT", "PLAN_CHANGE",
                  "COMPLAINT", "CARD_REISSUE"}

ABUSIVE_TOPICS = {
    "general": ["요금 청구", "배송 지연", "본인인증 절차", "연체 안내"],
    "card": ["결제 승인 거절", "카드 한도 축소", "부정사용 조사 결과", "연회비 청구"],
    "cancel": ["해지 위약금", "해지 처리 지연", "약정 조건", "요금제 변경 제한"],
}

CASE_FALLBACK = {
    "BILLING_INQUIRY": "요금 과다 청구 재확인 요청", "DELIVERY_STATUS": "배송 지연 확인 요청",
    "ADDRESS_CHANGE": "청구지 주소 변경 반영 확인", "PASSWORD_RESET": "계정 잠금 해제 요청",
    "GENERAL_INQUIRY": "고객 요청 서류 발급 처리", "CALLBACK_SCHEDULED": "콜백 요청 - 확인 후 회신",
    "CARD_LOST": "분실 카드 부정사용 조사 요청", "CARD_REISSUE": "재발급 카드 미수령 확인",
    "PAYMENT_ERROR": "카드 결제 오류 재확인 요청", "REFUND": "결제 취소 환불 지연 확인",
    "INSTALLMENT": "할부 수수료 이의 제기", "CANCEL_REQUEST": "해지 위약금 이의 제기",
    "PLAN_CHANGE": "요금제 변경 후 과금 확인", "RETENTION_SUCCESS": "재약정 할인 혜택 적용 확인",
    "COMPLAINT": "고객 민원 처리", "ABUSIVE_CALL": "폭언 응대 건 SV 검토",
    "TRANSFERRED": "타 부서 이관 건 처리 결과 확인",
}

TEMPLATES = defaultdict(list)     # Korean
TEMPLATES_EN = defaultdict(list)  # English (preferredLang "en")
CALL_ONLY_WORDS = ("통화", "ARS", "호 전환", "녹취", "운전 중", "부재", "아웃바운드", "해피콜",
                   "call", "Call", "transferred", "voicemail")


def _add(store, code, kinds, reason, note, case=None, d="inbound", req=None, closes=False):
    """kinds: product kinds the note is about ("*" = any); req: "lower"/"higher"
    = needs a cheaper/pricier plan of the same kind; closes: the note completes
    a cancellation, so the product is marked closed afterwards."""
    kinds = None if kinds == "*" else set(kinds.split(","))
    call_only = d == "outbound" or any(w in note for w in CALL_ONLY_WORDS)
    store[code].append(dict(kinds=kinds, reason=reason, note=note, case=case,
                            direction=d, call_only=call_only, req=req, closes=closes))


def T(*a, **k):
    _add(TEMPLATES, *a, **k)


def E(*a, **k):
    _add(TEMPLATES_EN, *a, **k)


# ---- BILLING_INQUIRY
T("BILLING_INQUIRY", "mobile_plan", "소액결제 내역 문의",
  "{bill_month} 청구 요금 중 소액결제 {amt_s} 문의. 결제 내역 문자 발송 안내, 이의 제기 시 {days}일 내 회신 예정 안내함.",
  "소액결제 이의 제기 처리")
T("BILLING_INQUIRY", "mobile_plan,internet", "요금 문의",
  "{bill_month} 청구액 {bill_amt}이 전월 대비 증가한 사유 문의. {prod} 약정 할인 종료({end_month})로 월 {disc} 할인 미적용된 것 확인 후 설명함.",
  "약정 할인 종료 요금 재확인 요청")
T("BILLING_INQUIRY", "*", "자동이체 출금일 문의",
  "자동이체 출금일 변경 문의. 현재 매월 {due} 출금, 고객 요청으로 {due2}로 변경 처리했으며 {month_next} 청구분부터 적용됨 안내.")
T("BILLING_INQUIRY", "mobile_plan,internet,insurance", "이중 청구 의심 문의",
  "{prod} 요금 이중 청구 의심 문의. 확인 결과 {bill_month} 미납분 {amt_s}이 합산 청구된 건으로 정상 청구임 설명, 고객 수긍함.",
  "요금 이중 청구 재확인 요청")
T("BILLING_INQUIRY", "mobile_plan,internet", "부가서비스 요금 문의",
  "청구서 내 부가서비스 요금 {amt_s} 문의. 가입 이력 확인 결과 {date_past} 본인 가입 확인, 고객 원치 않아 부가서비스 해지 처리함.")
T("BILLING_INQUIRY", "card", "카드 대금 이중 청구 의심 문의",
  "{bill_month} 카드 대금에 {merchant} {amt_s} 결제가 두 번 청구됐다는 문의. 확인 결과 할부 1회차와 일시불 결제 2건으로 정상 청구임 설명함.",
  "카드 대금 이중 청구 재확인 요청")
T("BILLING_INQUIRY", "mobile_plan,internet", "청구 금액 문의",
  "{bill_month} 청구 금액 {bill_amt} 항목별 내역 문의. 기본료·부가세·할인 항목 설명 후 모바일 청구서 재발송함.")
T("BILLING_INQUIRY", "*", "요금 납부 확인",
  "{date_past} 가상계좌 입금 {bill_amt} 수납 여부 문의. 정상 수납 확인, 연체 없음 안내함.")
T("BILLING_INQUIRY", "loan", "대출 상환금 문의",
  "{prod} {month} 상환금 {bill_amt} 중 이자 비중 문의. 금리 변동(연 {rate}%) 반영 내역 설명, 상환 스케줄표 문자 발송함.",
  "대출 이자 계산 재확인 요청")
T("BILLING_INQUIRY", "insurance", "보험료 문의",
  "{prod} 보험료 인상 사유 문의. 갱신 주기 도래로 월 {disc} 인상된 것 설명, 갱신 안내문 재발송 요청 접수.")
T("BILLING_INQUIRY", "card", "카드 명세서 문의",
  "{month} 카드 명세서 결제 예정액 {amt_m} 문의. {merchant} 결제 건 포함 여부 확인 후 매입일 기준 청구 구조 설명함.")
T("BILLING_INQUIRY", "mobile_plan,internet,insurance", "미납 요금 안내",
  "미납 요금 {bill_amt} 안내 아웃바운드. 고객 {date_next}까지 납부 약속, 가상계좌 문자 발송함.", d="outbound")

# ---- DELIVERY_STATUS
T("DELIVERY_STATUS", "card", "카드 배송 조회",
  "{card} 배송 조회 요청. {date_past} 발송되어 현재 배송 기사 배정 상태, {date_next} 도착 예정 및 수령 시 신분증 지참 필요 안내함.")
T("DELIVERY_STATUS", "mobile_plan", "유심 배송 문의",
  "유심 배송 지연 문의. 택배 물량 증가로 {days}일 지연 확인, 도착 후 셀프 개통 방법 문자로 발송함.",
  "유심 배송 지연 확인 요청")
T("DELIVERY_STATUS", "mobile_plan", "단말기 배송 지연 문의",
  "기기변경 단말기 배송 문의. 출고 대기 상태로 {date_next} 출고 예정 확인, 지연 시 먼저 연락드리기로 함.",
  "단말기 출고 지연 확인 요청")
T("DELIVERY_STATUS", "internet", "모뎀 설치 일정 문의",
  "{prod} 모뎀 교체 설치 일정 확인 요청. {date_next} {cb_time} 방문 예정, 기사 도착 30분 전 연락 예정 안내함.")
T("DELIVERY_STATUS", "card", "카드 배송 문의",
  "배송지 부재로 반송된 {card} 재배송 요청. 재배송 접수 완료, 영업일 기준 {days}일 내 등기 재발송 예정 안내.",
  "반송 카드 재배송 처리")
T("DELIVERY_STATUS", "*", "배송 조회",
  "배송 주소 상세 주소 누락으로 배송 실패 확인. 주소 정정 후 재발송 접수, 송장번호 문자 안내함.")
T("DELIVERY_STATUS", "card", "카드 배송 전 주소 확인",
  "신규 발급 {card} 배송 전 주소 확인 아웃바운드. 등록 주소 그대로 배송 동의, {date_next} 발송 예정 안내.", d="outbound")

# ---- ADDRESS_CHANGE
T("ADDRESS_CHANGE", "*", "청구지 주소 변경",
  "이사로 인한 청구지 주소 변경 요청. {new_sgg} {new_road} 신규 주소 확인 후 반영 완료, {month_next} 청구서부터 적용 안내함.")
T("ADDRESS_CHANGE", "*", "주소 변경",
  "주소 변경 요청하였으나 본인인증 실패로 미처리. 앱 또는 홈페이지에서 본인인증 후 직접 변경하는 방법 안내함.")
T("ADDRESS_CHANGE", "card", "명세서 수령지 변경",
  "카드 명세서 수령지 변경 요청(자택 → 직장). 변경 처리 완료, 모바일 명세서 전환 권유했으나 고객 우편 유지 희망.")
T("ADDRESS_CHANGE", "internet", "설치 주소 이전",
  "이사로 {prod} 설치 주소 이전 문의. 이전 설치비 {amt_s} 발생 안내, {date_next} {cb_time} 이전 설치 예약 완료.",
  "인터넷 이전 설치 일정 확인")
T("ADDRESS_CHANGE", "*", "우편물 반송 주소 정정",
  "우편물 반송 건으로 주소 확인 요청. 상세 주소(동·호수) 누락 확인하여 정정 처리함.")
T("ADDRESS_CHANGE", "*", "이사로 인한 주소 변경",
  "{new_sgg}(으)로 이사 예정, {date_next}부터 주소 변경 원함. 변경 예약 불가하여 이사 후 재연락 요청드림.")

# ---- PASSWORD_RESET
T("PASSWORD_RESET", "*", "계정 잠김 문의",
  "앱 로그인 비밀번호 {n}회 오류로 계정 잠김. 휴대폰 본인인증 후 임시 비밀번호 문자 발송, 로그인 후 변경 안내함.")
T("PASSWORD_RESET", "*", "비밀번호 초기화",
  "홈페이지 비밀번호 분실 문의. 본인 명의 휴대폰 인증 진행 후 비밀번호 재설정 완료.")
T("PASSWORD_RESET", "card", "카드 비밀번호 오류",
  "카드 비밀번호 {n}회 오류로 결제 제한. 비밀번호 변경은 ARS 또는 영업점 방문 필요 안내, ARS로 연결함.")
T("PASSWORD_RESET", "*", "간편 비밀번호 재등록",
  "간편 비밀번호 재등록 방법 문의. 앱 설정 > 보안 메뉴 경로 안내, 고객 직접 재등록 완료 확인.")
T("PASSWORD_RESET", "*", "앱 로그인 오류",
  "휴대폰 교체 후 앱 로그인 불가 문의. 기기 인증 재등록 필요 안내, 포인트 {pts}P 정상 유지됨 확인해드림.")
T("PASSWORD_RESET", "*", "본인인증 오류",
  "비밀번호 재설정 중 본인인증 문자 미수신 문의. 스팸 차단 설정 확인 요청, 재발송 후 인증 완료함.",
  "본인인증 문자 미수신 확인 요청")

# ---- GENERAL_INQUIRY
T("GENERAL_INQUIRY", "*", "서류 발급 문의",
  "{year}년 연간 납부 확인서 발급 요청. 앱 > 증명서 발급 메뉴 안내, 고객 PDF 다운로드 완료 확인.")
T("GENERAL_INQUIRY", "*", "포인트 문의",
  "적립 포인트 {pts}P 사용처 문의. 요금 차감 및 제휴처 사용 가능 안내, {month_next}말 소멸 예정 포인트 {pts2}P 함께 안내함.")
T("GENERAL_INQUIRY", "mobile_plan", "로밍 문의",
  "해외 출국 예정({days}일 체류)으로 로밍 문의. 데이터 로밍 하루 {roam} 상품 설명, 출국 전 신청 방법 안내함.")
T("GENERAL_INQUIRY", "*", "이벤트 문의",
  "{month} 신규 가입 이벤트 참여 가능 여부 문의. 기존 고객 대상 아님 설명, 대신 장기고객 쿠폰 발급 안내.")
T("GENERAL_INQUIRY", "*", "영업점 방문 문의",
  "영업점 운영시간 및 필요 서류 문의. 평일 09~16시 운영, 신분증 지참 필요 안내함.")
T("GENERAL_INQUIRY", "mobile_plan,internet", "결합 할인 문의",
  "가족 결합 할인 조건 문의. 가족관계증명서 제출 필요, 결합 시 월 {amt_s} 할인 가능 안내함.")
T("GENERAL_INQUIRY", "card", "카드 혜택 문의",
  "{card} 전월 실적 조건 문의. 실적 {amt_m} 이상 시 {merchant} 10% 할인 적용 안내, 실적 제외 항목(세금·상품권) 설명.")
T("GENERAL_INQUIRY", "insurance", "보장 내용 문의",
  "{prod} 보장 범위 문의. 도수치료 등 비급여 항목 한도 및 자기부담금 설명, 약관 요약본 문자 발송함.")
T("GENERAL_INQUIRY", "loan", "대출 금리 문의",
  "{prod} 금리 인하 요구권 문의. 신청 조건(소득 증가·신용점수 상승) 안내, 앱에서 신청 가능 설명함.")
T("GENERAL_INQUIRY", "mobile_plan,internet,card", "정기 해피콜",
  "장기 이용 고객 해피콜 진행. {prod} 이용 중 불편 사항 없음 확인, 장기고객 감사 쿠폰 문자 발송함.", d="outbound")

# ---- CALLBACK_SCHEDULED
T("CALLBACK_SCHEDULED", "*", "콜백 요청",
  "{prod} 청구 상세 내역 확인 후 회신 요청. 담당 부서 확인 후 {date_next} {cb_time} 콜백 예정, 회신 연락처 확인함.",
  "콜백 요청 - 요금 상세 설명")
T("CALLBACK_SCHEDULED", "*", "재통화 예약",
  "고객 운전 중으로 상담 어려워 {date_next} {cb_time} 콜백 예약.")
T("CALLBACK_SCHEDULED", "*", "콜백 요청",
  "해지 위약금 정확한 금액 산정 요청. 정산팀 확인 후 {date_next} {cb_time} 회신하기로 함.",
  "콜백 요청 - 위약금 산정 회신")
T("CALLBACK_SCHEDULED", "*", "예약 콜백 부재",
  "예약 콜백 진행했으나 부재로 연결 안 됨. 문자 남기고 {date_next} {cb_time} 재시도 예정.", d="outbound")
T("CALLBACK_SCHEDULED", "*", "콜백 요청",
  "상담 대기 길어 콜백 예약 접수. {date_next} 오전 중 연락 희망, 문의 내용(청구 금액 확인) 메모함.")
T("CALLBACK_SCHEDULED", "*", "재통화 예약",
  "고객 업무 중으로 통화 어려워 {cb_time} 이후 재연락 요청. {date_next} {cb_time} 콜백 등록함.")

# ---- CARD_LOST
T("CARD_LOST", "card", "카드 분실 신고",
  "{card} 분실 신고 접수(끝자리 {last4}). 즉시 사용 정지 처리, 최근 결제 내역상 부정사용 없음 확인 후 재발급 함께 접수함.",
  "분실 신고 후 재발급 진행 확인")
T("CARD_LOST", "card", "카드 도난 신고",
  "지갑 도난으로 카드 분실 신고. 정지 처리 후 {date_past} {merchant} 결제 {amt_m} 본인 미사용 주장하여 부정사용 조사 접수, {days}영업일 내 결과 안내 예정.",
  "분실 카드 부정사용 조사 요청")
T("CARD_LOST", "card", "해외 카드 분실 신고",
  "해외 여행 중 {card} 분실 신고. 사용 정지 처리, 긴급 대체카드 대신 귀국 후 재발급 희망하여 재발급만 예약함.")
T("CARD_LOST", "card", "분실 카드 정지 해제",
  "분실 신고했던 카드 습득하여 정지 해제 요청. 본인 확인 후 정지 해제 처리, 해외 결제 차단 설정은 유지 안내.")
T("CARD_LOST", "card", "카드 분실 신고",
  "후불교통 기능 포함 카드 분실 신고(끝자리 {last4}). 교통 요금 정산까지 {days}일 소요 안내, 재발급 카드 등기 수령 예정.")

# ---- CARD_REISSUE
T("CARD_REISSUE", "card", "카드 훼손 재발급",
  "IC칩 손상으로 {card} 재발급 요청. 기존 번호 유지 재발급 접수, 영업일 기준 {days}일 내 등기 배송 안내함.",
  "IC칩 손상 카드 재발급 처리")
T("CARD_REISSUE", "card", "유효기간 만료 재발급",
  "유효기간 만료({exp}) 예정 카드 갱신 발급 문의. {date_next} 일괄 발송 예정, 자동납부 정보는 자동 변경됨 안내.")
T("CARD_REISSUE", "card", "카드 재발급",
  "카드 디자인 변경 재발급 요청. 재발급 수수료 없음 안내, 새 카드 수령 후 기존 카드는 자동 해지됨 설명.")
T("CARD_REISSUE", "card", "재발급 카드 미수령",
  "재발급 카드 미수령 문의. 배송 조회 결과 {date_past} 반송 확인, 주소 재확인 후 재발송 처리함.",
  "재발급 카드 미수령 확인")
T("CARD_REISSUE", "card", "재발급 카드 등록 문의",
  "재발급 {card} 수령 후 간편결제 재등록 방법 문의. 앱 결제수단 메뉴에서 새 카드 등록 안내, 정기결제 가맹점 {merchant} 변경 필요 안내.")

# ---- PAYMENT_ERROR
T("PAYMENT_ERROR", "card", "결제 승인 거절 문의",
  "{merchant} 결제 시 승인 거절 문의. 확인 결과 일시불 한도 초과(잔여 {amt_s})로 거절, 한도 상향 심사 방법 안내함.",
  "한도 상향 심사 결과 안내")
T("PAYMENT_ERROR", "card", "이중 결제 문의",
  "{merchant}에서 {amt_s} 이중 승인 확인. 가맹점 측 취소 요청 필요 안내, 취소 반영까지 3~5영업일 소요 안내.",
  "이중 승인 취소 확인 요청")
T("PAYMENT_ERROR", "card", "해외 결제 오류",
  "해외 온라인 결제 오류 문의. 해외결제 차단 설정 상태 확인, 고객 요청으로 {days}일간 해외결제 허용 처리함.")
T("PAYMENT_ERROR", "card", "결제 오류 문의",
  "결제 시 '비밀번호 오류' 메시지 문의. 카드 비밀번호 {n}회 오류 누적 확인, 비밀번호 재설정 절차 안내함.")
T("PAYMENT_ERROR", "card", "결제 취소 후 출금 문의",
  "{date_past} {merchant} 결제 {amt_m} 취소됐으나 출금됨 문의. 매입 취소 확인 중으로 {date_next}까지 회신 예정.",
  "카드 결제 오류 재확인 요청")
T("PAYMENT_ERROR", "card", "교통카드 결제 오류",
  "후불교통 결제 오류 문의. 교통 한도 정상 확인, 단말기 인식 오류 가능성 설명 후 교통카드사 문의 경로 안내함.")

# ---- REFUND
T("REFUND", "card", "결제 취소 환불 문의",
  "{merchant} 구매 취소 건 {amt_m} 환불 문의. {date_past} 매입 취소 확인, 다음 달 청구 시 차감 예정 안내함.")
T("REFUND", "card", "연회비 환불 문의",
  "카드 해지 시 연회비 환불 문의. 잔여 기간 일할 계산 환불 규정 안내, 환불 예정액 {amt_s}.")
T("REFUND", "card", "해외 결제 환불 문의",
  "해외 가맹점 환불 미처리 문의. 가맹점 환불 전표 미접수 상태로 이의 제기 접수, {days}영업일 내 결과 안내 예정.",
  "해외 가맹점 환불 미처리 이의 제기")
T("REFUND", "card", "취소 금액 입금 문의",
  "결제 취소 금액 {amt_s} 입금 시기 문의. 이미 결제된 건이라 결제계좌로 {date_next} 환급 예정 안내함.",
  "결제 취소 환불 지연 확인")
T("REFUND", "card", "부분 취소 확인",
  "{merchant} 부분 취소 {amt_s} 반영 여부 확인 요청. 승인 내역상 정상 반영 확인, 명세서에는 익월 표시됨 안내.")

# ---- INSTALLMENT
T("INSTALLMENT", "card", "할부 전환 요청",
  "{merchant} 결제 {amt_l} 할부 전환 요청. {inst}개월 할부 전환 완료, 수수료율 연 {rate}% 안내함.",
  "할부 전환 적용 확인 요청")
T("INSTALLMENT", "card", "무이자 할부 문의",
  "{merchant} {inst}개월 무이자 행사 적용 여부 문의. 이미 일시불로 결제되어 할부 전환 시 수수료 발생함 안내.")
T("INSTALLMENT", "card", "할부 선결제 문의",
  "할부 잔액 조기 상환 문의. 잔여 원금 {amt_m}, {date_next} 결제계좌 출금으로 선결제 접수함.")
T("INSTALLMENT", "card", "할부 수수료 문의",
  "{month} 명세서 할부 수수료 {amt_s} 문의. 부분 무이자 조건(1~{k}회차 고객 부담) 설명, 고객 이해함.",
  "할부 수수료 이의 제기")
T("INSTALLMENT", "card", "할부 한도 문의",
  "가전 구매 {amt_l} {inst}개월 할부 가능 여부 문의. 잔여 한도 {amt_m}로 부족, 특별한도 신청 방법 안내.")

# ---- CANCEL_REQUEST
T("CANCEL_REQUEST", "mobile_plan,internet", "위약금 문의",
  "{prod} 해지 요청. 약정 잔여 {mons}개월로 위약금 {fee} 발생 안내, 고객 고민 후 재연락 예정.",
  "해지 위약금 이의 제기")
T("CANCEL_REQUEST", "mobile_plan,internet", "해지 요청",
  "타사 이동으로 {prod} 해지 요청. 해지 방어 혜택 안내했으나 거절, 해지 접수 완료(해지 예정일 {date_next}).",
  "해지 접수 처리 확인", closes=True)
T("CANCEL_REQUEST", "mobile_plan,internet", "서비스 해지 문의",
  "{prod} 해지 문의. 해지 시 결합 할인 해제되어 다른 회선 월 {amt_s} 할인 종료됨 안내, 고객 해지 보류함.")
T("CANCEL_REQUEST", "card", "카드 해지 요청",
  "{card} 해지 요청. 잔여 할부금 {amt_m} 결제 후 해지 가능 안내, 미사용 포인트 {pts}P 소멸 예정 고지함.",
  "카드 해지 처리 확인")
T("CANCEL_REQUEST", "mobile_plan,internet", "해지 문의",
  "해외 이주로 {prod} 해지 문의. 출국 확인서 제출 시 위약금 면제 가능 안내, 서류 제출 방법 문자 발송.")
T("CANCEL_REQUEST", "insurance", "보험 해지 문의",
  "{prod} 해지 문의. 예상 해지환급금 {amt_m} 안내 및 재가입 시 보장 공백 가능성 설명, 고객 재검토 예정.")
T("CANCEL_REQUEST", "loan", "대출 중도상환 문의",
  "{prod} 전액 중도상환 문의. 잔액 {amt_l}, 중도상환수수료 {amt_s} 안내, {date_next} 상환 예약 접수함.",
  "중도상환 처리 확인", closes=True)

# ---- PLAN_CHANGE
T("PLAN_CHANGE", "mobile_plan,internet", "요금제 변경",
  "{prod} → {newplan} 변경 요청. {month_next} 1일부터 적용, 당월 요금은 일할 계산됨 안내 후 변경 완료.",
  "요금제 변경 예약 적용 확인")
T("PLAN_CHANGE", "mobile_plan", "요금제 하향 요청",
  "데이터 사용량 감소로 요금제 하향 문의. 최근 3개월 평균 {gb_low}GB 사용 확인, {lowerplan} 추천하여 변경 처리함(월 {save} 절감).",
  req="lower")
T("PLAN_CHANGE", "mobile_plan,internet", "요금제 변경",
  "{prod} → {lowerplan} 하향 변경 문의. 약정 중 변경 시 할인 반환금 {amt_s} 발생 안내, 고객 약정 만료({end_month_next}) 후 변경 원하여 예약 접수.",
  req="lower")
T("PLAN_CHANGE", "internet", "인터넷 속도 변경",
  "인터넷 속도 상향 문의. {prod} → {higherplan} 변경 시 월 {extra} 추가 안내, {date_next} 원격 변경 예정.",
  "인터넷 속도 변경 후 과금 확인", req="higher")
T("PLAN_CHANGE", "mobile_plan,internet", "요금제 변경 문의",
  "{lowerplan} 가입 조건 문의. 현재 {prod} 대비 월 {save} 절감 가능 안내, 가족과 상의 후 결정 예정.",
  req="lower")
T("PLAN_CHANGE", "mobile_plan", "요금제 상향 요청",
  "영상 시청 증가로 데이터 부족 문의. {prod} → {higherplan} 상향 변경 완료(월 {extra} 추가), 당월 잔여 데이터 즉시 반영 안내.",
  req="higher")

# ---- RETENTION_SUCCESS
T("RETENTION_SUCCESS", "mobile_plan,internet", "해지 방어",
  "{prod} 해지 문의 고객. 재약정 시 {mons}개월간 월 {amt_s} 추가 할인 제공 안내, 고객 유지 동의하여 재약정 처리 완료.",
  "재약정 할인 혜택 적용 확인")
T("RETENTION_SUCCESS", "mobile_plan", "해지 문의 후 유지",
  "타사 이동 의사로 해지 요청. 장기고객 혜택으로 매월 데이터 {gb}GB 추가 제공 적용, 고객 해지 철회함.")
T("RETENTION_SUCCESS", "card", "카드 해지 방어",
  "{card} 해지 요청. 차년도 연회비 면제 및 포인트 {pts}P 적립 제안, 고객 수락하여 카드 유지.",
  "해지 방어 혜택 적용 누락 확인")
T("RETENTION_SUCCESS", "mobile_plan,internet", "해지 문의 후 유지",
  "요금 부담으로 {prod} 해지 원함. {lowerplan} 변경 및 결합 할인 재적용으로 월 {save} 이상 절감 안내, 해지 대신 요금제 변경 처리.",
  req="lower")
T("RETENTION_SUCCESS", "insurance", "보험 해지 방어",
  "{prod} 해지 문의. 감액 완납 및 납입 유예 제도 안내, 고객 납입 유예 {mons}개월 선택하여 계약 유지.")
T("RETENTION_SUCCESS", "mobile_plan,internet", "약정 만료 재약정 안내",
  "약정 만료 예정 고객 대상 아웃바운드. {prod} 재약정 시 월 {amt_s} 할인 안내, 고객 동의하여 재약정 처리함.", d="outbound")

# ---- COMPLAINT
T("COMPLAINT", "*", "안내 오류 불만",
  "이전 상담({date_past}) 시 안내받은 할인 미적용 불만. 녹취 확인 결과 안내 오류 인정, {amt_s} 요금 감면 처리 및 사과함.",
  "상담 안내 오류 민원 처리")
T("COMPLAINT", "mobile_plan,internet", "서비스 장애 불만",
  "{prod} 장애 반복({n}회)으로 불만 제기. 기술팀 점검 요청 접수, 장애 기간 요금 {amt_s} 감면 예정 안내.",
  "서비스 장애 반복 민원")
T("COMPLAINT", "*", "처리 지연 불만",
  "콜백 약속 미이행 불만. 사과 후 담당 부서 확인 결과 처리 지연 확인, {date_next} {cb_time}까지 결과 회신 약속함.",
  "처리 지연 민원 - 결과 회신")
T("COMPLAINT", "*", "해지 지연 불만",
  "해지 처리 지연으로 요금 추가 청구 불만. 해지 접수일 기준 재정산하여 {amt_m} 환급 예정, 민원 접수번호 문자 발송.",
  "해지 지연 요금 재정산")
T("COMPLAINT", "*", "상담 대기 불만",
  "상담 연결 대기 시간 과다 불만. 사과 후 콜백 예약 서비스 안내, 고객 의견 VOC 등록함.")
T("COMPLAINT", "*", "가입 안내 불만",
  "매장 가입 시 설명과 다른 요금 청구 불만. 가입 계약서 확인 요청, 판매점 확인 후 {days}일 내 회신 예정(민원 등록).",
  "가입 시 불완전 판매 민원")
T("COMPLAINT", "card", "카드 혜택 불만",
  "{card} 할인 미적용 불만({merchant} 결제 {amt_s}). 전월 실적 미달로 미적용 설명했으나 고객 납득 못해 VOC 등록함.")

# ---- ABUSIVE_CALL ({topic} depends on the queue)
T("ABUSIVE_CALL", "*", "{topic} 항의",
  "{topic} 관련 항의 중 고객 욕설·폭언 지속. 1차 경고(폭언 지속 시 상담 중단 고지) 후에도 계속되어 2차 경고 후 통화 종료, 녹취 보존 및 SV 보고 완료.")
T("ABUSIVE_CALL", "*", "{topic} 항의",
  "{topic} 문의 중 상담사 대상 인격 모독성 폭언. 보호 안내 멘트 송출(1차 경고), 재차 폭언하여 최종 경고 후 상담 종료함.")
T("ABUSIVE_CALL", "*", "{topic} 불만",
  "고객 고성 및 폭언으로 '폭언 계속 시 상담이 종료될 수 있음' 1차 경고함. 이후 진정되어 {topic} 안내 마무리, 통화 후 SV 보고 및 상담사 휴식 부여.")
T("ABUSIVE_CALL", "*", "{topic} 항의",
  "{topic} 불만으로 반복적인 욕설·폭언. 고객응대근로자 보호 절차에 따라 1·2차 경고 후 통화 종료, 녹취 파일 보존 요청 및 팀장 보고함.")
T("ABUSIVE_CALL", "*", "{topic} 항의",
  "통화 시작부터 폭언 및 협박성 발언. 경고 안내 2회 후 상담 종료, 악성 민원 이력 등록 및 재인입 시 SV 직접 응대 지정.")

# ---- TRANSFERRED
T("TRANSFERRED", "insurance", "보험금 청구 문의",
  "{prod} 보험금 청구 문의로 보상팀 호 전환. 필요 서류(진단서, 진료비 영수증) 사전 안내함.",
  "보험금 청구 서류 접수 확인")
T("TRANSFERRED", "loan", "대출 상담 연결",
  "{prod} 상환 일정 조정 문의로 여신상담팀 연결. 고객 대기 동의 후 호 전환함.")
T("TRANSFERRED", "card", "법인카드 문의",
  "법인카드 한도 문의로 법인 상담센터 이관. 이관 사유 및 고객 요청 사항 메모 전달함.")
T("TRANSFERRED", "mobile_plan,internet", "기술 지원 연결",
  "{prod} 접속 불가 문의로 기술지원팀 연결. 원격 점검 동의 받고 호 전환함.")
T("TRANSFERRED", "*", "명의 도용 의심 신고",
  "명의 도용 의심 신고로 사고조사팀 이관. 조사 결과 {days}영업일 내 안내 예정 고지함.",
  "사고조사팀 이관 건 결과 안내")
T("TRANSFERRED", "*", "타 부서 이관",
  "상속인 명의 변경 문의로 전담 부서 이관. 필요 서류(가족관계증명서, 사망진단서) 안내 후 호 전환함.")

# ---------------- English notes (preferredLang "en"); reasons stay Korean labels
E("BILLING_INQUIRY", "mobile_plan,internet", "요금 문의",
  "Customer asked why the {bill_month_en} bill ({bill_amt_en}) was higher than usual. Explained the contract discount on {prod_en} ended in {end_month_en}; itemized bill sent by SMS.")
E("BILLING_INQUIRY", "mobile_plan", "소액결제 내역 문의",
  "Asked about a micro-payment charge of {amt_s_en} on the {bill_month_en} bill. Sent payment history by SMS; a dispute can be filed within 7 days.")
E("BILLING_INQUIRY", "*", "자동이체 출금일 문의",
  "Requested to change the auto-debit date from the {due_en} to the {due2_en}. Change completed, effective from the {month_next_en} bill.")
E("DELIVERY_STATUS", "card", "카드 배송 조회",
  "Asked about delivery of the new {card_en}. Dispatched on {date_past_en}, expected arrival {date_next_en}; ID is required on receipt.")
E("DELIVERY_STATUS", "mobile_plan", "유심 배송 문의",
  "USIM delivery delayed by {days} days due to courier volume. Sent self-activation guide by SMS.")
E("DELIVERY_STATUS", "internet", "모뎀 설치 일정 문의",
  "Confirmed modem replacement visit for {prod_en} on {date_next_en}. Technician will text 30 minutes before arrival.")
E("ADDRESS_CHANGE", "*", "청구지 주소 변경",
  "Moved to {new_sgg_en}; billing address updated. New address applies from the {month_next_en} statement.")
E("ADDRESS_CHANGE", "*", "주소 변경",
  "Address change request could not be completed because identity verification failed. Guided the customer to update it in the app after verification.")
E("PASSWORD_RESET", "*", "계정 잠김 문의",
  "App account locked after {n} wrong password attempts. Verified identity by phone and sent a temporary password by SMS.")
E("PASSWORD_RESET", "*", "비밀번호 초기화",
  "Forgot website password. Completed mobile identity verification and reset the password.")
E("GENERAL_INQUIRY", "*", "서류 발급 문의",
  "Requested a {year} annual payment certificate for tax purposes. Explained how to download the PDF in the app.")
E("GENERAL_INQUIRY", "*", "포인트 문의",
  "Asked how to use {pts} reward points. Explained bill deduction and partner stores; {pts2} points expire at the end of {month_next_en}.")
E("GENERAL_INQUIRY", "mobile_plan", "로밍 문의",
  "Travelling abroad for {days} days. Explained the daily data roaming pass ({roam_en} per day) and how to activate it before departure.")
E("GENERAL_INQUIRY", "*", "외국인 등록 정보 문의",
  "Asked whether an updated alien registration card needs to be submitted. Explained the ID can be re-verified at a branch or in the app; no deadline.")
E("CALLBACK_SCHEDULED", "*", "콜백 요청",
  "Customer requested a detailed breakdown of {prod_en} charges. Callback scheduled for {date_next_en}, {cb_time_en}.")
E("CALLBACK_SCHEDULED", "*", "재통화 예약",
  "Customer was in a meeting; callback booked for {date_next_en}, {cb_time_en}.")
E("CARD_LOST", "card", "카드 분실 신고",
  "Reported {card_en} (ending {last4}) lost. Card suspended immediately; no unauthorized use found. Reissue requested.")
E("CARD_LOST", "card", "카드 도난 신고",
  "Wallet stolen. Card suspended; customer disputes a {amt_m_en} charge at {merchant_en} on {date_past_en}, fraud investigation opened (result within {days} business days).")
E("CARD_REISSUE", "card", "카드 훼손 재발급",
  "IC chip damaged; reissue of {card_en} requested with the same number. Delivery by registered mail within {days} business days.")
E("CARD_REISSUE", "card", "재발급 카드 미수령",
  "Reissued card not received. Tracking shows it was returned on {date_past_en}; address confirmed and card resent.")
E("PAYMENT_ERROR", "card", "해외 결제 오류",
  "Online payment to an overseas merchant was declined. Overseas payments were blocked; enabled them for {days} days at customer's request.")
E("PAYMENT_ERROR", "card", "이중 결제 문의",
  "Duplicate authorization of {amt_s_en} at {merchant_en}. Merchant must cancel one; reversal takes 3-5 business days.")
E("REFUND", "card", "결제 취소 환불 문의",
  "Asked about refund of {amt_m_en} for a cancelled {merchant_en} order. Cancellation confirmed on {date_past_en}; will be deducted from next statement.")
E("REFUND", "card", "해외 결제 환불 문의",
  "Overseas merchant refund not yet received. Filed a dispute; result within {days} business days.")
E("INSTALLMENT", "card", "할부 전환 요청",
  "Converted a {amt_l_en} purchase at {merchant_en} to {inst}-month installments. Fee rate {rate}% p.a. explained.")
E("INSTALLMENT", "card", "할부 수수료 문의",
  "Asked about an installment fee of {amt_s_en} on the {month_en} statement. Explained partial interest-free terms (customer pays months 1-{k}).")
E("CANCEL_REQUEST", "mobile_plan,internet", "위약금 문의",
  "Wants to cancel {prod_en} before leaving Korea. Early termination fee {fee_en}; waived if departure certificate is submitted. Guide sent by SMS.")
E("CANCEL_REQUEST", "mobile_plan,internet,card", "해지 요청",
  "Requested cancellation of {prod_en}. Retention offer declined; cancellation scheduled for {date_next_en}.",
  closes=True)
E("PLAN_CHANGE", "mobile_plan,internet", "요금제 변경",
  "Changed {prod_en} to {newplan_en}, effective {month_next_en} 1; current month prorated.")
E("PLAN_CHANGE", "mobile_plan", "요금제 하향 요청",
  "Average data use {gb_low}GB over 3 months. Recommended {lowerplan_en} (saves {save_en}/month); plan changed.",
  req="lower")
E("RETENTION_SUCCESS", "mobile_plan,internet", "해지 방어",
  "Considered switching carriers. Offered {amt_s_en}/month extra discount for {mons} months on renewal; customer agreed to stay.")
E("RETENTION_SUCCESS", "card", "카드 해지 방어",
  "Wanted to cancel {card_en}. Offered next-year annual fee waiver and {pts} bonus points; customer kept the card.")
E("COMPLAINT", "*", "안내 오류 불만",
  "Complained that the discount promised on {date_past_en} was not applied. Confirmed agent error, credited {amt_s_en} and apologized.")
E("COMPLAINT", "*", "외국어 상담 불만",
  "Complained about long wait for an English-speaking agent. Apologized and registered feedback (VOC); explained English chat support hours.")
E("TRANSFERRED", "*", "타 부서 이관",
  "Question about visa-related document issuance; transferred to the branch support team with notes.")
E("TRANSFERRED", "insurance", "보험금 청구 문의",
  "Insurance claim inquiry for {prod_en}; transferred to the claims team. Required documents (diagnosis, receipts) explained first.")

KO_PREFIXES = ["본인 확인 완료. ", "본인 확인(생년월일·휴대폰 번호) 후 상담 진행. "]
KO_FOLLOWUPS = ["고객 이해하고 종료.", "추가 문의 없어 종료함.", "처리 결과 문자 안내 예정.",
                "안내 문자 발송 완료.", "추가 문의 시 앱 채팅 상담 이용 안내함.",
                "상담 만족도 조사 문자 발송 동의.", "고객 감사 인사 후 종료."]
EN_FOLLOWUPS = ["Customer understood; no further questions.", "Confirmation SMS sent.",
                "Result will be notified by SMS."]

SENTENCE_END = re.compile(r"[.!?](?:\s|$)")

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def won(v):
    return f"{v:,}원"


def krw(v):
    return f"KRW {v:,}"


def wchoice(rng, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights, k=1)[0]


def is_business_day(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def prev_business_day(d, back=1):
    while back > 0:
        d -= dt.timedelta(days=1)
        if is_business_day(d):
            back -= 1
    return d


def plan_options(prod):
    """(cheaper plans, pricier plans) of the same kind as prod."""
    if prod["kind"] == "mobile_plan":
        pool = MOBILE_PLANS + [SENIOR_PLAN]
    elif prod["kind"] == "internet":
        pool = INTERNET_PLANS
    else:
        return [], []
    fee = prod["monthlyFee"]
    return ([p for p in pool if p[2] < fee], [p for p in pool if p[2] > fee])


def next_business_day(d, skip=1):
    while skip > 0:
        d += dt.timedelta(days=1)
        if is_business_day(d):
            skip -= 1
    return d


def md_ko(d):
    return f"{d.month}/{d.day}({WEEKDAY_KO[d.weekday()]})"


def md_en(d):
    return f"{MONTH_EN[d.month - 1][:3]} {d.day} ({WEEKDAY_EN[d.weekday()]})"


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def rfc3339(ts):
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def eul_ro(word):
    """Choose 으로/로 for a Hangul word (ㄹ-final takes 로)."""
    c = ord(word[-1]) - 0xAC00
    if 0 <= c < 11172:
        fin = c % 28
        return word + ("로" if fin in (0, 8) else "으로")
    return word + "(으)로"


class Gen:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.used_numbers = set()
        self.used_rrn = set()
        self.used_email = set()
        self.used_custno = set()
        self.used_prodnum = set()
        self.seq = Counter()

    # ---------------------------------------------------------------- ids
    def next_id(self, kind, width):
        self.seq[kind] += 1
        return f"{kind}{self.seq[kind]:0{width}d}"

    # ---------------------------------------------------------------- phones
    def reserve(self, number):
        assert number not in self.used_numbers, number
        self.used_numbers.add(number)
        return number

    def new_mobile(self):
        while True:
            n = f"010-{self.rng.randint(2000, 9999)}-{self.rng.randint(0, 9999):04d}"
            if n not in self.used_numbers:
                return self.reserve(n)

    def new_landline(self, area):
        while True:
            four = self.rng.random() < (0.7 if area == "02" else 0.55)
            mid = self.rng.randint(2000, 9999) if four else self.rng.randint(200, 999)
            n = f"{area}-{mid}-{self.rng.randint(0, 9999):04d}"
            if n not in self.used_numbers:
                return self.reserve(n)

    # ---------------------------------------------------------------- person
    def birth_date(self, lo=None, hi=None):
        rng = self.rng
        if lo is None:
            a, b, _ = wchoice(rng, [(bk, bk[2]) for bk in BIRTH_BUCKETS])
        else:
            a, b = lo, hi
        y = rng.randint(a, b)
        start = dt.date(y, 1, 1)
        return start + dt.timedelta(days=rng.randint(0, 364))

    def given_name(self, gender, birth):
        bucket = max(k for k in GIVEN_NAMES if k <= birth.year)
        return self.rng.choice(GIVEN_NAMES[bucket][gender])

    def family_name(self):
        return wchoice(self.rng, [(f, w) for f, _, w in FAMILY_NAMES])

    def korean_person(self, gender=None, birth=None, family=None, lo=None, hi=None):
        rng = self.rng
        gender = gender or rng.choice("MF")
        birth = birth or self.birth_date(lo, hi)
        while True:
            fam = family or self.family_name()
            given = self.given_name(gender, birth)
            if fam + given not in FIXTURE_NAMES:
                break
        return dict(family=fam, given=given, name=fam + given,
                    nameEn=f"{FAMILY_ROM[fam]} {romanize(given)}",
                    gender=gender, birth=birth, lang="ko")

    def address(self, province=None):
        rng = self.rng
        if province is None:
            province = wchoice(rng, [(p, v[1]) for p, v in REGIONS.items()])
        sgg = rng.choice(sorted(REGIONS[province][2]))
        road = rng.choice(REGIONS[province][2][sgg])
        bldg = rng.randint(1, 480)
        head = " ".join(x for x in (province, sgg) if x)
        r = rng.random()
        if r < 0.55:
            tail = f"{road} {bldg}, {rng.randint(101, 115)}동 {rng.randint(1, 25) * 100 + rng.randint(1, 4)}호"
        elif r < 0.8:
            tail = f"{road} {bldg}, {rng.randint(1, 5) * 100 + rng.randint(1, 4)}호"
        else:
            tail = f"{road}{rng.randint(1, 40)}길 {rng.randint(1, 99)}"
        return dict(province=province, sgg=sgg, road=road, text=f"{head} {tail}",
                    area=REGIONS[province][0])

    def rrn(self, birth, gender):
        if birth.year < 2000:
            g = 1 if gender == "M" else 2
        else:
            g = 3 if gender == "M" else 4
        while True:
            v = f"{birth:%y%m%d}-{g}{self.rng.randint(0, 999999):06d}"
            if v not in self.used_rrn:
                self.used_rrn.add(v)
                return v

    def email(self, person):
        rng = self.rng
        if person["lang"] == "en":
            first, last = person["name"].lower().split()
            base = rng.choice([f"{first}.{last}", f"{first}{last[0]}", f"{last}.{first}"])
            domain = rng.choice(["gmail.com", "gmail.com", "outlook.com", "yahoo.com", "naver.com"])
        else:
            fam = FAMILY_ROM[person["family"]].lower()
            giv = romanize(person["given"]).lower()
            inits = "".join(romanize(s)[0].lower() for s in person["given"])
            b = person["birth"]
            base = rng.choice([
                f"{giv}{b:%y}", f"{fam}{inits}{b:%m%d}", f"{giv}.{fam}", f"{fam}{giv}",
                f"{giv}_{fam}{rng.randint(1, 99)}", f"{fam}.{giv}{b:%y}",
                f"{rng.choice(['happy', 'sunny', 'blue', 'star', 'lucky', 'day'])}{giv}",
                f"{inits}{fam}{b:%y%m}",
            ])
            domain = wchoice(rng, [("naver.com", 45), ("gmail.com", 25), ("daum.net", 12),
                                   ("kakao.com", 8), ("hanmail.net", 6), ("nate.com", 4)])
        addr = f"{base}@{domain}"
        while addr in self.used_email:
            addr = f"{base}{rng.randint(1, 999)}@{domain}"
        self.used_email.add(addr)
        return addr

    # ---------------------------------------------------------------- products
    def luhn_card(self):
        while True:
            digits = [9, 4, 1, 0] + [self.rng.randint(0, 9) for _ in range(11)]
            total = 0
            for i, dgt in enumerate(reversed(digits)):
                dd = dgt * 2 if i % 2 == 0 else dgt
                total += dd - 9 if dd > 9 else dd
            digits.append((10 - total % 10) % 10)
            s = "".join(map(str, digits))
            num = "-".join(s[i:i + 4] for i in range(0, 16, 4))
            if num not in self.used_prodnum:
                self.used_prodnum.add(num)
                return num

    def contract_no(self, year):
        while True:
            num = f"CT-{year}-{self.rng.randint(1, 999999):06d}"
            if num not in self.used_prodnum:
                self.used_prodnum.add(num)
                return num

    def products(self, person, grade, join):
        rng = self.rng
        age = 2026 - person["birth"].year
        n = rng.choices([1, 2, 3], weights=[45, 38, 17])[0]
        if grade == "VIP":
            n = max(n, 2)
        kinds = []
        pool = dict(KIND_WEIGHTS)
        if age < 25:
            pool.pop("loan")
        if grade == "VIP" and rng.random() < 0.8:
            kinds.append("card")
            pool.pop("card")
        while len(kinds) < n:
            k = wchoice(rng, list(pool.items()))
            kinds.append(k)
            if rng.random() < 0.85:   # mostly distinct kinds
                pool.pop(k)
        out = []
        for i, kind in enumerate(kinds):
            if i == 0:
                status = "active"
            else:
                status = wchoice(rng, [("active", 80), ("suspended", 8), ("closed", 12)])
            span = (JOIN_LATEST - join).days
            started = join + dt.timedelta(days=rng.randint(0, max(span, 0)))
            if kind == "card":
                if grade == "VIP" and not any(p["kind"] == "card" for p in out) and rng.random() < 0.6:
                    nm, en = VIP_CARD
                else:
                    nm, en = rng.choice(CARDS)
                fee, number = 0, self.luhn_card()
            elif kind == "mobile_plan":
                choice = SENIOR_PLAN if age >= 65 and rng.random() < 0.6 else rng.choice(MOBILE_PLANS)
                nm, en, fee = choice
                number = self.contract_no(started.year)
            elif kind == "internet":
                nm, en, fee = rng.choice(INTERNET_PLANS)
                number = self.contract_no(started.year)
            elif kind == "insurance":
                nm, en = rng.choice(INSURANCES)
                base = {"실손 보험": 12000 + age * 700, "암 보험": 18000 + age * 500,
                        "운전자 보험": 9900, "치아 보험": 15000 + age * 150}[nm]
                fee = int(round(base * rng.uniform(0.9, 1.15), -2))
                number = self.contract_no(started.year)
            else:
                loans = LOANS if "card" in kinds else [x for x in LOANS if x[0] != "카드론"]
                nm, en = rng.choice(loans)
                fee = int(round(rng.randint(150000, 1200000), -3))
                number = self.contract_no(started.year)
            out.append(dict(id=self.next_id("P", 6), kind=kind, name=nm, number=number,
                            status=status, startedAt=started.isoformat(), monthlyFee=fee,
                            _en=en))
        return out

    # ---------------------------------------------------------------- notes
    def slot_ctx(self, cust, prod, day, queue):
        rng = self.rng
        prev_month = (day.replace(day=1) - dt.timedelta(days=1))
        next_month = (day.replace(day=28) + dt.timedelta(days=5))
        end = day - dt.timedelta(days=rng.randint(20, 120))
        date_past = prev_business_day(day, rng.randint(1, 12))
        date_next = next_business_day(day, rng.randint(1, 4))
        expd = day + dt.timedelta(days=rng.randint(15, 60))
        dues = [5, 10, 15, 21, 25]
        due = rng.choice(dues)
        due2 = rng.choice([x for x in dues if x != due])
        amt_s = rng.randrange(1100, 49900, 100)
        amt_m = rng.randrange(50000, 480000, rng.choice([100, 1000]))
        amt_l = rng.randrange(600000, 3500000, 10000)
        discs = [3300, 5500, 8250, 11000, 13200, 16500]
        disc = rng.choice([x for x in discs if x <= prod["monthlyFee"] * 0.3] or discs[:1])
        fee = rng.randrange(30000, 450000, 100)
        new_addr = self.address_preview()
        merchant = rng.choice(MERCHANTS)
        cb_hour = rng.choice([10, 11, 14, 15, 16, 17])
        cb_time = f"오전 {cb_hour}시" if cb_hour < 12 else f"오후 {cb_hour - 12}시"
        cb_time_en = f"{cb_hour - 12 if cb_hour > 12 else cb_hour}{'am' if cb_hour < 12 else 'pm'}"
        newplan, newplan_en = self.other_plan(prod)
        lower, higher = plan_options(prod)
        lo_p = rng.choice(lower) if lower else ("", "", prod["monthlyFee"])
        hi_p = rng.choice(higher) if higher else ("", "", prod["monthlyFee"])
        end_next = day + dt.timedelta(days=rng.randint(30, 240))
        if prod["kind"] == "card":
            bill = amt_m
        elif prod["kind"] == "loan":
            bill = prod["monthlyFee"]
        else:
            bill = prod["monthlyFee"] + disc + rng.randrange(0, 16000, 10)
        roam = rng.choice([9900, 11000, 13200])
        cards = [p for p in cust["_products"] if p["kind"] == "card"]
        card = prod if prod["kind"] == "card" else (cards[0] if cards else prod)
        pts, pts2 = rng.randrange(1200, 58000, 100), rng.randrange(300, 5000, 100)
        ctx = dict(
            prod=prod["name"], prod_en=prod["_en"], card=card["name"], card_en=card["_en"],
            last4=card["number"][-4:], newplan=newplan, newplan_en=newplan_en,
            amt_s=won(amt_s), amt_m=won(amt_m), amt_l=won(amt_l), disc=won(disc), fee=won(fee),
            amt_s_en=krw(amt_s), amt_m_en=krw(amt_m), amt_l_en=krw(amt_l), fee_en=krw(fee),
            bill_amt=won(bill), bill_amt_en=krw(bill), roam=won(roam), roam_en=krw(roam),
            lowerplan=lo_p[0], lowerplan_en=lo_p[1], save=won(prod["monthlyFee"] - lo_p[2]),
            save_en=krw(prod["monthlyFee"] - lo_p[2]),
            higherplan=hi_p[0], higherplan_en=hi_p[1], extra=won(hi_p[2] - prod["monthlyFee"]),
            end_month_next=f"{end_next:%y}년 {end_next.month}월", gb_low=rng.choice([2, 3, 5, 7]),
            bill_month=f"{prev_month.month}월", bill_month_en=MONTH_EN[prev_month.month - 1],
            month=f"{day.month}월", month_en=MONTH_EN[day.month - 1],
            month_next=f"{next_month.month}월", month_next_en=MONTH_EN[next_month.month - 1],
            end_month=f"{end:%y}년 {end.month}월", end_month_en=f"{MONTH_EN[end.month - 1]} {end.year}",
            due=f"{due}일", due2=f"{due2}일", due_en=ordinal(due), due2_en=ordinal(due2),
            date_past=md_ko(date_past), date_past_en=md_en(date_past),
            date_next=md_ko(date_next), date_next_en=md_en(date_next),
            days=rng.randint(3, 7), n=rng.randint(3, 5), k=rng.choice([2, 3]),
            cb_time=cb_time, cb_time_en=cb_time_en,
            pts=f"{pts:,}", pts2=f"{pts2:,}", year=day.year - 1,
            merchant=merchant, merchant_en=rng.choice(MERCHANTS_EN),
            inst=rng.choice([2, 3, 5, 6, 10, 12, 24]), rate=rng.choice(["9.5", "11.9", "13.5", "14.9", "16.9"]),
            mons=rng.randint(3, 20), gb=rng.choice([3, 5, 10, 15, 20]),
            exp=f"{expd:%m/%y}", new_sgg=new_addr["sgg"] or new_addr["province"],
            new_sgg_en=new_addr["province_en"], new_road=new_addr["road"],
            topic=rng.choice(ABUSIVE_TOPICS[queue]),
            _date_next=date_next, _cb_hour=cb_hour,
        )
        return ctx

    def address_preview(self):
        rng = self.rng
        province = wchoice(rng, [(p, v[1]) for p, v in REGIONS.items()])
        sgg = rng.choice(sorted(REGIONS[province][2]))
        road = rng.choice(REGIONS[province][2][sgg])
        en = {"서울특별시": "Seoul", "경기도": "Gyeonggi-do", "인천광역시": "Incheon",
              "부산광역시": "Busan", "대구광역시": "Daegu", "광주광역시": "Gwangju",
              "대전광역시": "Daejeon", "울산광역시": "Ulsan", "세종특별자치시": "Sejong",
              "제주특별자치도": "Jeju", "강원특별자치도": "Gangwon", "충청북도": "Chungbuk",
              "충청남도": "Chungnam", "전북특별자치도": "Jeonbuk", "경상남도": "Gyeongnam",
              "경상북도": "Gyeongbuk"}[province]
        return dict(province=province, sgg=sgg, road=road, province_en=en)

    def other_plan(self, prod):
        rng = self.rng
        if prod["kind"] == "mobile_plan":
            pool = MOBILE_PLANS + [SENIOR_PLAN]
        elif prod["kind"] == "internet":
            pool = INTERNET_PLANS
        else:
            pool = MOBILE_PLANS
        pool = [p for p in pool if p[0] != prod["name"]]
        p = rng.choice(pool)
        return p[0], p[1]


# --------------------------------------------------------------------------
# Customer assembly
# --------------------------------------------------------------------------


def random_day(rng):
    span = (RANGE_END - RANGE_START).days
    while True:
        d = RANGE_START + dt.timedelta(days=rng.randint(0, span))
        if d in HOLIDAYS or d.weekday() == 6:
            continue
        if d.weekday() == 5 and rng.random() < 0.85:
            continue
        return d


def random_start(rng, day, hour=None):
    if hour is None:
        hour = rng.choices(range(9, 18), weights=[8, 14, 12, 6, 8, 12, 12, 10, 6])[0]
    minute = rng.randint(0, 44 if hour == 17 else 59)  # ends by 18:00 (max 900 s)
    return dt.datetime(day.year, day.month, day.day, hour, minute, rng.randint(0, 59), tzinfo=KST)


def live_products(cust):
    return [p for p in cust["_products"] if p["status"] != "closed"] or cust["_products"]


def usable_templates(store, code, prod, live, channel="call", followup=False):
    lower, higher = plan_options(prod)
    return [t for t in store.get(code, [])
            if (t["kinds"] is None or prod["kind"] in t["kinds"])
            and (channel == "call" or not t["call_only"])
            and (not followup or t["direction"] == "inbound")
            and (t["req"] != "lower" or lower)
            and (t["req"] != "higher" or higher)
            and (not t["closes"] or len(live) >= 2)]


def applicable_codes(cust):
    """Codes for which this customer has a matching product AND a usable template."""
    store = TEMPLATES_EN if cust["_lang"] == "en" else TEMPLATES
    live = live_products(cust)
    out = {}
    for code, w in CODE_WEIGHTS.items():
        need = CODE_KINDS.get(code)
        if w and any(usable_templates(store, code, p, live)
                     for p in live if not need or p["kind"] in need):
            out[code] = w
    return out


def make_interaction(g, cust, code, day, channel_hint=None, followup=False, hour=None):
    rng = g.rng
    lang = cust["_lang"]
    store = TEMPLATES_EN if lang == "en" else TEMPLATES
    live = live_products(cust)
    need = CODE_KINDS.get(code)

    # channel
    if channel_hint:
        channel = channel_hint
    elif code in NON_CALL_CODES and rng.random() < 0.22:
        channel = "chat" if rng.random() < 0.6 else "email"
    else:
        channel = "call"

    # product + template
    candidates = [p for p in live if not need or p["kind"] in need]
    rng.shuffle(candidates)
    tpls, prod = [], None
    for attempt in range(2):
        for prod in candidates:
            tpls = usable_templates(store, code, prod, live, channel, followup)
            if tpls:
                break
        if tpls:
            break
        channel = "call"
    assert tpls, (code, lang, [p["kind"] for p in candidates])
    t = rng.choice(tpls)

    queue = CODE_QUEUE[code]
    if code == "TRANSFERRED":
        if prod["kind"] == "card":
            queue = "card"
        elif prod["kind"] in ("mobile_plan", "internet"):
            queue = wchoice(rng, [("general", 3), ("cancel", 1)])
        else:
            queue = "general"
    elif code == "ABUSIVE_CALL":   # card queue only for card holders
        opts = [("general", 5), ("cancel", 3)]
        if any(p["kind"] == "card" for p in live):
            opts.append(("card", 3))
        queue = wchoice(rng, opts)
    ctx = g.slot_ctx(cust, prod, day, queue)
    reason = t["reason"].format_map(ctx)
    note = t["note"].format_map(ctx)
    if "(으)로" in note:
        note = note.replace(ctx["new_sgg"] + "(으)로", eul_ro(ctx["new_sgg"]))
    direction = t["direction"]

    nsent = len(SENTENCE_END.findall(note))
    if code == "ABUSIVE_CALL":
        nsent = 3          # no generic pleasantries appended to abuse reports
    if lang == "en":
        if followup:
            note = "Scheduled callback made. " + note
        elif nsent < 3 and rng.random() < 0.25:
            note += " " + rng.choice(EN_FOLLOWUPS)
    else:
        if followup:
            note = "예약 콜백 진행. " + note
        elif channel == "email" and nsent < 3:
            note += " 이메일로 답변 회신 완료."
        elif channel == "chat" and nsent < 3 and rng.random() < 0.4:
            note += " 채팅 상담 내역 앱에서 확인 가능 안내."
        elif nsent < 3 and channel == "call" and direction == "inbound" and rng.random() < 0.12:
            note = rng.choice(KO_PREFIXES) + note
        elif nsent < 3 and rng.random() < 0.25:
            note += " " + rng.choice(KO_FOLLOWUPS)
    if followup:
        direction = "outbound"

    lo, hi = DURATION[code]
    if channel == "chat":
        lo, hi = max(lo, 120), min(900, hi + 180)
    dur = rng.randint(lo, hi)
    start = random_start(rng, day, hour)
    agents = EN_AGENTS if lang == "en" else AGENTS
    return dict(
        _start=start, _code=code, _ctx=ctx, _case=t["case"], _prod=prod, _closes=t["closes"],
        id=None, channel=channel, direction=direction, queue=queue,
        startedAt=rfc3339(start), durationSec=dur, reason=reason, wrapupCode=code,
        agentName=rng.choice(agents), note=note,
    )


def build_interactions(g, cust):
    rng = g.rng
    n = rng.randint(3, 8)
    codes_w = applicable_codes(cust)
    codes = [wchoice(rng, list(codes_w.items())) for _ in range(n)]
    if cust["abusiveHistory"]:
        for pos in rng.sample(range(n), rng.choice([1, 1, 2])):
            codes[pos] = "ABUSIVE_CALL"
    days = sorted(random_day(rng) for _ in range(n))
    out = []
    i = 0
    pending_callback = None
    while i < n:
        code, day = codes[i], days[i]
        now_w = applicable_codes(cust)      # products may have been closed meanwhile
        if code != "ABUSIVE_CALL" and code not in now_w:
            code = wchoice(rng, list(now_w.items()))
        if pending_callback and rng.random() < 0.5 and pending_callback[0] <= RANGE_END:
            cb_day, cb_hour = pending_callback
            follow = [c for c in ("BILLING_INQUIRY", "CANCEL_REQUEST", "GENERAL_INQUIRY", "PLAN_CHANGE")
                      if c in now_w]
            it = make_interaction(g, cust, rng.choice(follow), cb_day, "call", followup=True, hour=cb_hour)
        else:
            it = make_interaction(g, cust, code, day)
        pending_callback = None
        if it["_closes"]:
            it["_prod"]["status"] = "closed"
        if it["_code"] == "CALLBACK_SCHEDULED" and it["direction"] == "inbound":
            pending_callback = (it["_ctx"]["_date_next"], it["_ctx"]["_cb_hour"])
        out.append(it)
        i += 1
    out.sort(key=lambda x: x["_start"])
    for it in out:                      # ids in chronological order
        it["id"] = g.next_id("I", 7)
    out.sort(key=lambda x: x["_start"], reverse=True)
    return out


def build_cases(g, cust, want_open):
    rng = g.rng
    inters = cust["_interactions"]
    cases = []

    def mk(it, status):
        code = it["_code"]
        if it["_case"]:
            title = it["_case"]
        elif code in ("ABUSIVE_CALL", "TRANSFERRED"):
            title = CASE_FALLBACK[code]
        else:
            title = f"{it['reason']} 건 후속 처리"
        if code in ("COMPLAINT", "CARD_LOST", "ABUSIVE_CALL"):
            prio = "high"
        elif cust["grade"] == "VIP" and rng.random() < 0.5:
            prio = "high"
        else:
            prio = wchoice(rng, [("normal", 70), ("low", 20), ("high", 10)])
        opened = it["_start"] + dt.timedelta(seconds=it["durationSec"] + rng.randint(30, 600))
        if status == "closed":
            upd = opened + dt.timedelta(hours=rng.randint(2, 24 * 14))
        elif status == "pending":
            upd = opened + dt.timedelta(hours=rng.randint(1, 24 * 10))
        else:
            upd = opened + dt.timedelta(minutes=rng.randint(5, 60 * 48))
        upd = upd.astimezone(KST)
        if upd.hour < 9 or upd.hour >= 18:      # case work happens in office hours
            base = upd if upd.hour < 9 else upd + dt.timedelta(days=1)
            upd = base.replace(hour=rng.randint(9, 17), minute=rng.randint(0, 59))
        upd = min(upd, RANGE_END_TS)
        if upd < opened:
            upd = opened
        return dict(id=None, title=title, status=status, priority=prio, queue=it["queue"],
                    openedAt=rfc3339(opened), updatedAt=rfc3339(upd), _opened=opened)

    if want_open:
        cases.append(mk(inters[0], "open" if rng.random() < 0.55 else "pending"))
        if len(inters) > 1 and rng.random() < 0.3:
            cases.append(mk(rng.choice(inters[1:]), "closed"))
    elif rng.random() < 0.3:
        cases.append(mk(rng.choice(inters[1:]), "closed"))
    cases.sort(key=lambda c: c["_opened"], reverse=True)
    return cases


def strip_private(obj):
    if isinstance(obj, dict):
        return {k: strip_private(v) for k, v in obj.items() if not k.startswith("_")}
    if isinstance(obj, list):
        return [strip_private(v) for v in obj]
    return obj


def generate():
    g = Gen()
    rng = g.rng
    N = N_CUSTOMERS

    # Fixture phone numbers are reserved first so nothing else can reuse them.
    for num in ("010-1234-5678", "010-2222-3333", "010-3333-4444", "010-4444-5555", "02-555-1234"):
        g.reserve(num)

    persons = [None] * N
    # ---- fixtures
    fx_addr1 = dict(province="서울특별시", sgg="강남구", text="서울특별시 강남구 테헤란로 123, 101동 1203호", area="02")
    fx_addr2 = dict(province="서울특별시", sgg="마포구", text="서울특별시 마포구 월드컵로 212, 105동 804호", area="02")
    fx_addr4 = dict(province="경기도", sgg="성남시 분당구", text="경기도 성남시 분당구 정자일로 95, 2103호", area="031")
    persons[0] = dict(family="김", given="민준", name="김민준", nameEn="Kim Minjun", gender="M",
                      birth=dt.date(1985, 3, 12), lang="ko", addr=fx_addr1,
                      phones=[("010-1234-5678", "mobile", True)])
    persons[1] = dict(family="이", given="서연", name="이서연", nameEn="Lee Seoyeon", gender="F",
                      birth=dt.date(1992, 7, 24), lang="ko", addr=fx_addr2,
                      phones=[("010-2222-3333", "mobile", True), ("02-555-1234", "home", False)])
    persons[2] = dict(family="이", given="준호", name="이준호", nameEn="Lee Junho", gender="M",
                      birth=dt.date(1989, 11, 3), lang="ko", addr=fx_addr2,
                      phones=[("010-3333-4444", "mobile", True), ("02-555-1234", "home", False)])
    persons[3] = dict(family="박", given="지훈", name="박지훈", nameEn="Park Jihun", gender="M",
                      birth=dt.date(1978, 5, 30), lang="ko", addr=fx_addr4,
                      phones=[("010-4444-5555", "mobile", True)])
    shared_groups = [["C00002", "C00003"]]

    free = list(range(4, N))
    rng.shuffle(free)

    # ---- shared-number groups
    n_home = 9
    n_mobile = N_SHARED_GROUPS - 1 - n_home
    for gi in range(N_SHARED_GROUPS - 1):
        if gi < n_home:
            with_child = rng.random() < 0.45
            size = 3 if with_child else 2
            slots = [free.pop() for _ in range(size)]
            hi = 1975 if with_child else 1998
            head = g.korean_person(gender="M", lo=1950, hi=hi)
            spouse_birth = head["birth"] + dt.timedelta(days=rng.randint(-4 * 365, 4 * 365))
            spouse = g.korean_person(gender="F", birth=spouse_birth)
            members = [head, spouse]
            if with_child:
                cb = g.birth_date(max(head["birth"].year + 25, 1978), min(head["birth"].year + 35, 2006))
                members.append(g.korean_person(birth=cb, family=head["family"]))
            addr = g.address()
            home = g.new_landline(addr["area"])
            for m in members:
                m["addr"] = addr
                m["phones"] = [(g.new_mobile(), "mobile", True), (home, "home", False)]
            if rng.random() < 0.3:   # head also has a work number
                members[0]["phones"].append((g.new_landline(rng.choice(["02", addr["area"]])), "work", False))
            rng.shuffle(members)
        else:
            both = gi == N_SHARED_GROUPS - 2      # one group: elderly couple + child
            parent = g.korean_person(lo=1938, hi=1956)
            child_birth = g.birth_date(parent["birth"].year + 25, parent["birth"].year + 35)
            child_family = parent["family"] if parent["gender"] == "M" else None
            child = g.korean_person(birth=child_birth, family=child_family)
            parents = [parent]
            if both:
                other = "F" if parent["gender"] == "M" else "M"
                sb = parent["birth"] + dt.timedelta(days=rng.randint(-3 * 365, 3 * 365))
                spouse = g.korean_person(gender=other, birth=sb)
                if other == "M":   # child takes the father's family name
                    child = g.korean_person(birth=child_birth, family=spouse["family"])
                parents.append(spouse)
            child["addr"] = g.address()
            mob = g.new_mobile()
            child["phones"] = [(mob, "mobile", True)]
            if rng.random() < 0.3:
                child["phones"].append((g.new_landline(rng.choice(["02", child["addr"]["area"]])), "work", False))
            paddr = g.address()
            for p in parents:
                p["addr"] = paddr
                p["phones"] = [(mob, "mobile", True)]
                # own landline; the couple would share one, which would form a
                # second (overlapping) group, so only a single parent gets one
                if not both and rng.random() < 0.7:
                    p["phones"].append((g.new_landline(paddr["area"]), "home", False))
            members = parents + [child]
            slots = [free.pop() for _ in members]
        for slot, m in zip(sorted(slots), members):
            persons[slot] = m
        shared_groups.append([f"C{s + 1:05d}" for s in sorted(slots)])

    # ---- English-speaking foreign residents
    for name, gender in FOREIGNERS:
        slot = free.pop()
        birth = g.birth_date(1968, 2000)
        persons[slot] = dict(family=None, given=None, name=name, nameEn=name, gender=gender,
                             birth=birth, lang="en", addr=g.address(rng.choice(FOREIGNER_REGIONS)))

    # ---- everyone else
    for slot in free:
        persons[slot] = g.korean_person()
        persons[slot]["addr"] = g.address()

    # ---- phones for non-grouped persons
    for p in persons:
        if "phones" in p:
            continue
        ph = [(g.new_mobile(), "mobile", True)]
        age = 2026 - p["birth"].year
        if p["lang"] == "ko" and rng.random() < (0.45 if age >= 55 else 0.18):
            ph.append((g.new_landline(p["addr"]["area"]), "home", False))
        if 25 <= age <= 62 and rng.random() < 0.15:
            ph.append((g.new_landline(rng.choice(["02", "02", p["addr"]["area"]])), "work", False))
        p["phones"] = ph

    # ---- flags
    eligible = [i for i in range(4, N) if persons[i]["lang"] == "ko"]
    vip_idx = {0} | set(rng.sample(range(4, N), N_VIP - 1))
    abusive_idx = {3} | set(rng.sample([i for i in eligible if i not in vip_idx], N_ABUSIVE - 1))
    open_idx = set(rng.sample(range(N), N_OPEN_CASE))
    fixed_grade = {1: "GOLD", 2: "SILVER", 3: "NORMAL"}
    fixed_join = {0: dt.date(2019, 4, 15), 1: dt.date(2021, 3, 2), 2: dt.date(2018, 1, 5),
                  3: dt.date(2017, 6, 20)}

    customers = []
    for i, p in enumerate(persons):
        cid = f"C{i + 1:05d}"
        if i in vip_idx:
            grade = "VIP"
        elif i in fixed_grade:
            grade = fixed_grade[i]
        else:
            grade = wchoice(rng, [("GOLD", 17), ("SILVER", 27), ("NORMAL", 56)])
        earliest = max(dt.date(2010, 1, 1), p["birth"].replace(year=p["birth"].year + 19)
                       if not (p["birth"].month == 2 and p["birth"].day == 29)
                       else dt.date(p["birth"].year + 19, 3, 1))
        if p["lang"] == "en":
            earliest = max(earliest, dt.date(2016, 1, 1))
        earliest = min(earliest, JOIN_LATEST)
        join = earliest + dt.timedelta(days=rng.randint(0, (JOIN_LATEST - earliest).days))
        join = fixed_join.get(i, join)
        while True:
            cno = f"{join.year}{rng.randint(0, 999999):06d}"
            if cno not in g.used_custno:
                g.used_custno.add(cno)
                break
        age = 2026 - p["birth"].year
        email = None if rng.random() < (0.5 if age >= 70 else 0.1) else g.email(p)
        if i == 0:
            email = "minjun.kim@naver.com"
            g.used_email.add(email)
        marketing = rng.random() < 0.45
        consents = dict(marketing=marketing, sms=marketing or rng.random() < 0.4,
                        email=bool(email) and (marketing or rng.random() < 0.3),
                        thirdParty=rng.random() < 0.2, recording=True)
        cust = dict(
            id=cid, customerNo=cno, name=p["name"], nameEn=p["nameEn"], email=email,
            birthDate=p["birth"].isoformat(), rrn=g.rrn(p["birth"], p["gender"]),
            gender=p["gender"], grade=grade, vip=grade == "VIP",
            abusiveHistory=i in abusive_idx, consents=consents, preferredLang=p["lang"],
            address=p["addr"]["text"],
            phones=[dict(number=n, label=l, primary=pr) for n, l, pr in p["phones"]],
            products=None, cases=None, interactions=None, lastContactReason=None,
            _lang=p["lang"],
        )
        cust["_products"] = g.products(p, grade, join)
        cust["products"] = cust["_products"]
        cust["_interactions"] = build_interactions(g, cust)
        cust["interactions"] = cust["_interactions"]
        cust["cases"] = build_cases(g, cust, i in open_idx)
        cust["lastContactReason"] = cust["interactions"][0]["reason"]
        customers.append(cust)

    # case ids sequential in customer order (oldest first within a customer)
    for c in customers:
        for case in sorted(c["cases"], key=lambda x: x["_opened"]):
            case["id"] = g.next_id("K", 6)
    return [strip_private(c) for c in customers], shared_groups


# --------------------------------------------------------------------------
# Validation + summary
# --------------------------------------------------------------------------


def validate(customers, shared_groups):
    ids = [c["id"] for c in customers]
    assert ids == [f"C{i + 1:05d}" for i in range(len(customers))], "customer ids not sequential"
    assert len(customers) >= 240
    for key in ("customerNo", "rrn"):
        vals = [c[key] for c in customers]
        assert len(vals) == len(set(vals)), f"duplicate {key}"
    emails = [c["email"] for c in customers if c["email"]]
    assert len(emails) == len(set(emails)), "duplicate email"
    for sub, key in (("products", "id"), ("products", "number"), ("cases", "id"), ("interactions", "id")):
        vals = [x[key] for c in customers for x in c[sub]]
        assert len(vals) == len(set(vals)), f"duplicate {sub}.{key}"
        assert all(vals), f"missing {sub}.{key}"

    owners = defaultdict(set)
    for c in customers:
        assert re.fullmatch(r"\d{10}", c["customerNo"]), c["customerNo"]
        assert c["vip"] == (c["grade"] == "VIP")
        assert c["grade"] in ("VIP", "GOLD", "SILVER", "NORMAL")
        assert c["consents"]["recording"] is True
        assert c["preferredLang"] in ("ko", "en")
        # RRN consistent with birthDate and gender
        b = dt.date.fromisoformat(c["birthDate"])
        m = re.fullmatch(r"(\d{6})-(\d)(\d{6})", c["rrn"])
        assert m and m.group(1) == f"{b:%y%m%d}", (c["id"], c["rrn"])
        g7 = int(m.group(2))
        expect = (1 if c["gender"] == "M" else 2) + (2 if b.year >= 2000 else 0)
        assert g7 == expect, (c["id"], c["rrn"])
        # phones
        assert sum(p["primary"] for p in c["phones"]) == 1, c["id"]
        nums = [p["number"] for p in c["phones"]]
        assert len(nums) == len(set(nums)), c["id"]
        for p in c["phones"]:
            rx = MOBILE_RE if p["label"] == "mobile" else LANDLINE_RE
            assert p["label"] in ("mobile", "home", "work"), p
            assert rx.match(p["number"]), (c["id"], p)
            owners[p["number"]].add(c["id"])
        # products
        assert 1 <= len(c["products"]) <= 3
        for p in c["products"]:
            assert p["kind"] in KIND_WEIGHTS and p["status"] in ("active", "suspended", "closed")
            if p["kind"] == "card":
                assert re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{4}", p["number"]), p
            else:
                assert re.fullmatch(r"CT-\d{4}-\d{6}", p["number"]), p
        # cases
        assert len(c["cases"]) <= 2
        for k in c["cases"]:
            assert k["status"] in ("open", "pending", "closed") and k["queue"] in ("general", "card", "cancel")
            assert k["updatedAt"] >= k["openedAt"]
        # interactions
        its = c["interactions"]
        assert 3 <= len(its) <= 8, c["id"]
        starts = [x["startedAt"] for x in its]
        assert starts == sorted(starts, reverse=True), c["id"]
        assert c["lastContactReason"] == its[0]["reason"]
        for x in its:
            code = x["wrapupCode"]
            assert code in CODE_QUEUE, code
            if CODE_QUEUE[code]:
                assert x["queue"] == CODE_QUEUE[code], (c["id"], x["id"])
            assert x["queue"] in ("general", "card", "cancel")
            assert x["channel"] in ("call", "chat", "email") and x["direction"] in ("inbound", "outbound")
            assert 60 <= x["durationSec"] <= 900
            st = dt.datetime.strptime(x["startedAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone(KST)
            end = st + dt.timedelta(seconds=x["durationSec"])
            assert RANGE_START <= st.date() <= RANGE_END, x["startedAt"]
            assert 9 <= st.hour and end <= st.replace(hour=18, minute=0, second=0), x["startedAt"]
            assert "{" not in x["note"] and "{" not in x["reason"], x["note"]
            assert 1 <= len(SENTENCE_END.findall(x["note"])) <= 3, x["note"]
            if code == "ABUSIVE_CALL":
                assert "폭언" in x["note"] and "경고" in x["note"], x["note"]
                assert c["abusiveHistory"]
        if c["abusiveHistory"]:
            assert any(x["wrapupCode"] == "ABUSIVE_CALL" for x in its), c["id"]

    # shared numbers: exactly the declared groups, every other number unique
    groups_found = sorted(sorted(v) for v in owners.values() if len(v) > 1)
    declared = sorted(sorted(gr) for gr in shared_groups)
    assert groups_found == declared, (groups_found, declared)
    assert all(2 <= len(gr) <= 3 for gr in declared)

    # fixtures
    c1, c2, c3, c4 = customers[:4]
    assert c1["name"] == "김민준" and c1["vip"] and c1["phones"][0]["number"] == "010-1234-5678"
    assert len(owners["010-1234-5678"]) == 1
    assert c2["name"] == "이서연" and c3["name"] == "이준호"
    assert owners["02-555-1234"] == {"C00002", "C00003"}
    assert "010-2222-3333" in [p["number"] for p in c2["phones"]]
    assert "010-3333-4444" in [p["number"] for p in c3["phones"]]
    assert c4["name"] == "박지훈" and c4["abusiveHistory"] and c4["phones"][0]["number"] == "010-4444-5555"
    fixture_names = Counter(c["name"] for c in customers)
    for nm in FIXTURE_NAMES:
        assert fixture_names[nm] == 1, nm
    return groups_found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()

    customers, shared_groups = generate()
    groups = validate(customers, shared_groups)
    payload = json.dumps({"customers": customers}, ensure_ascii=False, indent=1) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(payload)
    size = len(payload.encode("utf-8"))
    assert size < 1_500_000, size

    inters = [x for c in customers for x in c["interactions"]]
    cases = [k for c in customers for k in c["cases"]]
    name_dupes = sum(1 for _, v in Counter(c["name"] for c in customers).items() if v > 1)
    print(f"wrote {os.path.relpath(args.out, REPO_ROOT)} ({size:,} bytes, seed {SEED})")
    print(f"customers:          {len(customers)}")
    print(f"interactions:       {len(inters)}")
    print(f"products:           {sum(len(c['products']) for c in customers)}")
    print(f"cases:              {len(cases)} ({dict(sorted(Counter(k['status'] for k in cases).items()))}); "
          f"customers with open/pending: {sum(any(k['status'] != 'closed' for k in c['cases']) for c in customers)}")
    print(f"VIP:                {sum(c['vip'] for c in customers)}")
    print(f"abusiveHistory:     {sum(c['abusiveHistory'] for c in customers)}")
    print(f"preferredLang en:   {sum(c['preferredLang'] == 'en' for c in customers)}")
    print(f"without email:      {sum(c['email'] is None for c in customers)}")
    print(f"duplicate names:    {name_dupes} names shared by >1 customer (fixture names unique)")
    print(f"shared-number groups: {len(groups)}")
    owners = defaultdict(list)
    for c in customers:
        for p in c["phones"]:
            owners[p["number"]].append(f"{c['id']} {c['name']}({p['label']})")
    for num, who in sorted(owners.items(), key=lambda kv: kv[1]):
        if len(who) > 1:
            print(f"  {num:<14} {', '.join(who)}")
    print("channels:  ", dict(Counter(x["channel"] for x in inters).most_common()))
    print("direction: ", dict(Counter(x["direction"] for x in inters).most_common()))
    print("wrap-up:   ", dict(Counter(x["wrapupCode"] for x in inters).most_common()))
    print("validation: OK (phone formats, RRN/birthDate, unique ids, queues, business hours, fixtures)")


if __name__ == "__main__":
    main()
