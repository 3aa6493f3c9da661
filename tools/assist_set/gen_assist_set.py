#!/usr/bin/env python3
"""The labelled call set of agent assist (docs/assist.md), written for this project.

Writes tests/fixtures/assist/calls_ko.jsonl and calls_en.jsonl: call transcripts across every
wrap-up code, each with its gold wrap-up code, the IVR intent the caller chose (sometimes none,
sometimes the wrong menu), per-line abuse labels, the customer's overall sentiment, the facts a
note must carry and a gold note as a counselor would write it.

The calls are composed from hand-written parts (openings, requests, agent actions, reactions,
closings) with varied values, by a seeded generator, so the set is the same on every run:
    python3 tools/assist_set/gen_assist_set.py
The parts are written independently of the analyser's word lists (resources/assist/); the
set measures the analyser on calls like these, not on real ones (docs/assist.md says so).
"""
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fixtures", "assist")

CODE_INTENT = {
    "BILLING_INQUIRY": ("general", "billing_inquiry"),
    "DELIVERY_STATUS": ("general", "delivery_status"),
    "ADDRESS_CHANGE": ("general", "address_change"),
    "PASSWORD_RESET": ("general", "password_reset"),
    "GENERAL_INQUIRY": ("general", "general_inquiry"),
    "CALLBACK_SCHEDULED": ("general", None),
    "CARD_LOST": ("card", "card_lost"),
    "CARD_REISSUE": ("card", "card_reissue"),
    "PAYMENT_ERROR": ("card", "payment_error"),
    "REFUND": ("card", "refund"),
    "INSTALLMENT": ("card", "installment"),
    "CANCEL_REQUEST": ("cancel", "cancel_service"),
    "PLAN_CHANGE": ("cancel", "plan_change"),
    "RETENTION_SUCCESS": ("cancel", "cancel_service"),
    "COMPLAINT": ("cancel", "complaint"),
    "ABUSIVE_CALL": ("general", None),
    "TRANSFERRED": ("general", "general_inquiry"),
}

# ---------------------------------------------------------------- values


def won(rng):
    n = rng.choice([12000, 15400, 23000, 35000, 48500, 59000, 77000, 89000, 120000, 135000, 250000])
    form = rng.randrange(3)
    if form == 0 or n % 10000:
        return f"{n:,}원"
    if form == 1:
        return f"{n // 10000}만 원"
    return f"{n}원"


def dollars(rng):
    return rng.choice(["$12.50", "$35", "$48.99", "$59", "$120", "$7.25", "$240", "$89.90"])


def ko_date(rng):
    return rng.choice([f"{m}월 {d}일" for m in range(1, 13) for d in (3, 5, 9, 12, 15, 18, 21, 25, 28)] +
                      ["내일", "모레", "다음 주 월요일", "다음 주 수요일", "이번 주 금요일"])


def en_date(rng):
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    return rng.choice([f"{m} {d}" for m in months for d in (2, 5, 9, 14, 18, 22, 27)] +
                      ["tomorrow", "next Monday", "next Wednesday", "next Friday"])


def ko_time(rng):
    return rng.choice(["오전 10시", "오전 11시 30분", "오후 2시", "오후 3시 반", "오후 4시", "저녁 7시"])


def en_time(rng):
    return rng.choice(["10 am", "11:30 am", "2 pm", "3:30 pm", "4 pm", "7 pm"])


def order_no(rng):
    return f"{rng.choice('ABCDKMRT')}{rng.randint(2301, 2412)}-{rng.randint(1000, 9999)}"


def last4(rng):
    return f"{rng.randint(1000, 9999)}"


KO_PLACES = ["서울시 마포구 월드컵로 12", "서울시 강남구 테헤란로 152", "부산시 해운대구 우동로 33",
             "인천시 연수구 송도동 21", "대전시 유성구 대학로 99", "서울시 송파구 잠실로 45",
             "경기도 성남시 분당구 정자동 7", "광주시 북구 용봉로 77", "대구시 수성구 범어동 14"]
EN_PLACES = ["12 Maple Street", "45 Oak Avenue", "7 Harbor Road", "300 King Street", "18 Elm Drive",
             "22 River Lane", "5 Hill Road"]
KO_BRANCHES = ["강남 지점", "종로 지점", "해운대 지점", "분당 지점", "여의도 지점"]
EN_BRANCHES = ["Downtown branch", "Riverside branch", "Airport branch", "Harbor branch"]

# ---------------------------------------------------------------- Korean parts

KO_OPEN = [
    "감사합니다, 고객센터 상담원 {agent}입니다. 이 통화는 상담 품질을 위해 녹음됩니다. 무엇을 도와드릴까요?",
    "안녕하세요, 상담원 {agent}입니다. 통화 내용은 녹음되고 있습니다. 무엇을 도와드릴까요?",
    "고객님 반갑습니다, {agent}입니다. 정확한 상담을 위해 통화가 녹취됩니다. 어떤 일로 연락 주셨어요?",
]
KO_AGENTS = ["김하늘", "이도윤", "박지아", "최유진", "정민재"]
KO_ID = [
    ("본인 확인을 위해 성함과 생년월일 말씀 부탁드립니다.", "네, {name}이고요 {birth}입니다."),
    ("먼저 본인 확인 도와드리겠습니다. 생년월일 여섯 자리 말씀해 주시겠어요?", "{birth}요."),
    ("본인 확인 위해 휴대폰으로 보내드린 인증번호 불러 주세요.", "네, 4 8 2 1 9 5요."),
]
KO_NAMES = ["김민준", "이서연", "박지호", "최수아", "정예준", "강하은", "조도윤", "윤지우"]
KO_CLOSE = [
    ("더 궁금하신 점 있으실까요?", "아니요, 없어요."),
    ("다른 문의 사항은 없으신가요?", "네 없습니다."),
    ("추가로 문의하실 내용 있으세요?", "아뇨 괜찮아요."),
]
KO_BYE = ["감사합니다. 좋은 하루 보내세요.", "이용해 주셔서 감사합니다. 행복한 하루 되세요."]

# Customer reactions after the agent has helped, by the customer's mood.
KO_REACT = {
    "positive": ["와 정말 빠르네요. 친절하게 해 주셔서 감사합니다.", "덕분에 해결됐어요. 정말 고맙습니다.",
                 "설명을 너무 잘해 주셔서 좋네요. 감사해요.", "생각보다 간단해서 다행이에요. 감사합니다."],
    "neutral": ["네, 알겠습니다.", "네 그렇게 해 주세요.", "네 확인했어요.", "알겠어요. 그럼 기다릴게요."],
    "negative": ["아니 이걸 왜 제가 몇 번이나 전화해야 하는 거예요? 너무 답답하네요.",
                 "정말 실망이에요. 처음부터 제대로 됐어야죠.", "진짜 짜증나네요. 시간만 버렸어요.",
                 "이런 서비스는 처음 봐요. 너무 불편해요.", "아직도 해결이 안 됐다니 어이가 없네요."],
}
KO_COMPLAIN_EARLY = ["벌써 세 번째 전화하는 거예요. 너무 화가 나네요.", "기다리다 지쳤어요. 정말 답답해요.",
                     "이게 말이 돼요? 너무 황당해서 전화했어요."]

# Clean lines with words that contain abusive patterns or look like them (no flag expected).
KO_TRICKY = ["세종대왕 동상 근처 지점이 어디인지도 알려 주세요.", "도우미 기능으로 신청서를 냈는데요.",
             "시발점이 된 게 지난달 카드 명세서였어요.", "병 신청서도 같이 보냈어요.",
             "칼로리 계산기 앱 결제였는데요.", "개인 정보는 바뀐 게 없어요.", "지점에 찾아가서 물어봤거든요."]

# (code) → list of scenes; a scene is a function of rng returning (lines, facts, note_values).


def ko_billing(rng):
    amount, date = won(rng), ko_date(rng)
    req = rng.choice([f"이번 달 요금이 {amount} 나왔는데 평소보다 너무 많이 나왔어요.",
                      f"청구서를 봤는데 {amount}이 청구됐더라고요. 왜 이렇게 나온 건지 궁금해서요.",
                      f"요금 명세서에 {amount}이 찍혀 있는데 내역 좀 확인해 주세요."])
    cause = rng.choice(["데이터 추가 사용분", "부가서비스 요금", "지난달 미납분"])
    lines = [("c", req),
             ("a", f"확인해 보니 {cause}이 함께 청구되었습니다."),
             ("a", f"납부일은 {date}이고, 부가서비스는 오늘 해지 처리해 드렸습니다.")]
    facts = [amount, date]
    note = {"문의 내용": f"요금 {amount} 청구 문의", "확인 결과": f"{cause} 포함 청구",
            "안내 사항": f"납부일 {date} 안내, 부가서비스 해지"}
    return lines, facts, note


def ko_delivery(rng):
    order, date = order_no(rng), ko_date(rng)
    req = rng.choice(["주문한 물건이 아직 안 와서요. 배송 조회 좀 해 주세요.",
                      "택배가 언제 오는지 알고 싶어서 전화했어요.",
                      "지난주에 시킨 게 아직 출고도 안 된 것 같아요."])
    lines = [("c", req),
             ("a", "주문 번호 말씀해 주시겠어요?"),
             ("c", f"주문 번호는 {order}이에요."),
             ("a", f"확인해 보니 현재 배송 중이고 {date} 도착 예정입니다. 도착하면 문자로 안내드리겠습니다.")]
    facts = [order, date]
    note = {"주문 번호": order, "배송 상태": "배송 중", "예정일 안내": f"{date} 도착 예정, 문자 안내"}
    return lines, facts, note


def ko_address(rng):
    old, new = rng.sample(KO_PLACES, 2)
    req = rng.choice(["이사를 해서 주소를 바꾸려고요.", "등록된 주소 변경하고 싶어요.",
                      "우편물 받는 주소를 새 집으로 바꿔 주세요."])
    lines = [("c", req),
             ("a", "지금 등록된 주소 확인해 드릴게요. 기존 주소가 어떻게 되세요?"),
             ("c", f"예전 주소는 {old}이고요, 새 주소는 {new}예요."),
             ("a", f"네, {new}로 변경 완료했습니다.")]
    facts = [old, new]
    note = {"변경 전 주소": old, "변경 후 주소": new}
    return lines, facts, note


def ko_password(rng):
    what = rng.choice(["비밀번호", "OTP", "간편 비밀번호"])
    req = rng.choice([f"앱 {what}를 다섯 번 틀려서 잠겼어요.", f"{what}가 생각이 안 나서 로그인이 안 돼요.",
                      f"{what} 재설정 하려고 전화했어요."])
    lines = [("c", req),
             ("a", f"네, 본인 확인 완료되어 {what} 초기화 처리했습니다."),
             ("a", "문자로 임시 번호 보내드렸으니 로그인 후 새로 설정해 주세요.")]
    facts = []
    note = {"본인 확인 방법": "생년월일/인증번호", "재설정 대상": what, "처리 결과": "초기화 완료, 임시 번호 문자 발송"}
    return lines, facts, note


def ko_general(rng):
    branch, time = rng.choice(KO_BRANCHES), ko_time(rng)
    req = rng.choice([f"{branch} 영업시간이 어떻게 되나요?", f"{branch} 토요일에도 운영하나요?",
                      f"{branch} 위치랑 운영시간 좀 알려 주세요."])
    lines = [("c", req),
             ("a", f"{branch}은 평일 {time}까지 운영하고, 토요일은 휴무입니다.")]
    facts = [branch, time]
    note = {"문의 내용": f"{branch} 운영 시간 문의", "안내 사항": f"평일 {time}까지, 토요일 휴무 안내"}
    return lines, facts, note


def ko_callback(rng):
    date, time = ko_date(rng), ko_time(rng)
    req = rng.choice(["지금 회의 중이라 길게 통화가 어려워요.", "운전 중이라서 나중에 다시 전화 주실 수 있어요?",
                      "지금은 통화가 어려운데 다시 연락 주세요."])
    lines = [("c", req),
             ("a", "편하신 시간 말씀해 주시면 그때 연락드리겠습니다."),
             ("c", f"{date} {time}쯤 괜찮아요."),
             ("a", f"네, {date} {time}에 다시 전화드리겠습니다.")]
    facts = [date, time]
    note = {"콜백 희망 일시": f"{date} {time}", "연락처": "등록 번호", "사유": "고객 통화 불가"}
    return lines, facts, note


def ko_card_lost(rng):
    l4, date, place = last4(rng), ko_date(rng), rng.choice(["지하철", "택시", "회사 근처", "식당"])
    req = rng.choice(["카드를 잃어버린 것 같아요. 지갑이 통째로 없어졌어요.",
                      f"어제 {place}에서 카드를 분실했어요.", "카드를 도난당한 것 같아요. 빨리 막아 주세요."])
    lines = [("c", req),
             ("a", "어떤 카드인지 확인해 드릴게요. 카드 끝자리 말씀해 주세요."),
             ("c", f"끝자리는 {l4}이에요."),
             ("a", f"끝자리 {l4} 카드 사용 정지 처리했습니다. 최근 승인 내역에 부정 사용은 없습니다."),
             ("a", f"재발급 카드는 {date}까지 등록 주소로 보내드리겠습니다.")]
    facts = [l4, date]
    note = {"분실 카드": f"끝자리 {l4}", "부정 사용 여부 확인": "없음", "재발급 여부": f"재발급, {date}까지 배송"}
    return lines, facts, note


def ko_reissue(rng):
    date, place = ko_date(rng), rng.choice(KO_PLACES)
    why = rng.choice(["카드가 부러졌어요", "마그네틱이 망가져서 결제가 안 돼요", "유효기간이 다 돼서요"])
    lines = [("c", f"{why}. 카드 새로 받을 수 있을까요?"),
             ("a", "네, 재발급 신청 도와드리겠습니다. 받으실 주소 확인 부탁드려요."),
             ("c", f"{place}로 보내 주세요."),
             ("a", f"재발급 접수했습니다. {date}까지 {place}로 배송됩니다.")]
    facts = [date, place]
    note = {"재발급 사유": why, "수령 주소": place, "예상 수령일": date}
    return lines, facts, note


def ko_payment_error(rng):
    amount, date = won(rng), ko_date(rng)
    shop = rng.choice(["편의점", "온라인 쇼핑몰", "주유소", "마트"])
    req = rng.choice([f"{shop}에서 {amount} 결제를 했는데 승인 거절이 떴어요.",
                      f"{date}에 {shop}에서 {amount}이 두 번 결제됐어요.",
                      f"{shop} 결제가 안 되는데 오류 메시지가 나와요."])
    lines = [("c", req),
             ("a", f"확인해 보니 {date} {shop} 거래에서 오류가 있었습니다. 중복 건은 취소 처리했습니다."),
             ("a", "3영업일 이내에 반영될 예정입니다.")]
    facts = [amount, date] if amount in req else [date]
    note = {"결제 일시/가맹점": f"{date} {shop}", "오류 내용": "승인 오류/중복 결제",
            "조치": "중복 건 취소, 3영업일 이내 반영"}
    return lines, facts, note


def ko_refund(rng):
    amount, date, order = won(rng), ko_date(rng), order_no(rng)
    req = rng.choice(["주문 취소했는데 환불이 아직 안 들어왔어요.", "반품했는데 돈을 언제 돌려받을 수 있나요?",
                      "환불 요청하려고 전화했어요."])
    lines = [("c", req),
             ("a", "주문 번호 확인 부탁드립니다."),
             ("c", f"주문 번호 {order}요."),
             ("a", f"{amount} 환불 접수되었습니다. {date}까지 결제하신 카드로 환불될 예정입니다.")]
    facts = [order, amount, date]
    note = {"환불 대상 거래": order, "환불 금액": amount, "환불 예정일": date}
    return lines, facts, note


def ko_installment(rng):
    amount, months = won(rng), rng.choice([3, 6, 10, 12])
    req = rng.choice([f"{amount} 결제한 걸 할부로 바꿀 수 있나요?", f"무이자 할부가 몇 개월까지 되는지 궁금해요.",
                      f"지난번 {amount} 일시불 결제를 {months}개월로 나눌 수 있을까요?"])
    lines = [("c", req),
             ("a", f"네, {amount} 결제 건을 {months}개월 할부로 전환해 드렸습니다."),
             ("a", "다음 달 명세서부터 반영됩니다.")]
    facts = [amount]
    note = {"문의 내용": f"{amount} 할부 전환", "처리 내용": f"{months}개월 할부 전환", "안내 사항": "다음 달 명세서부터 반영"}
    return lines, facts, note


def ko_cancel(rng):
    fee, date = won(rng), ko_date(rng)
    req = rng.choice(["인터넷 서비스 해지하려고요.", "이제 그만 쓰려고 해지 신청하려고 해요.",
                      "이사 가서 서비스 끊고 싶어요."])
    lines = [("c", req),
             ("a", f"약정 기간이 남아 있어 위약금 {fee}이 발생합니다."),
             ("c", "네, 그래도 해지할게요."),
             ("a", f"해지 접수했고 해지 예정일은 {date}입니다. 14일 이내에는 철회하실 수 있습니다.")]
    facts = [fee, date]
    note = {"해지 대상": "인터넷 서비스", "해지 사유": "고객 요청", "위약금 안내": fee, "해지 예정일": date}
    return lines, facts, note


def ko_plan(rng):
    price, date = won(rng), ko_date(rng)
    req = rng.choice(["지금 쓰는 요금제보다 더 싼 거로 바꾸고 싶어요.", "데이터 무제한 요금제로 변경하려고요.",
                      "요금제 좀 바꿀 수 있을까요?"])
    lines = [("c", req),
             ("a", f"월 {price} 요금제로 변경해 드렸습니다. {date}부터 적용됩니다.")]
    facts = [price, date]
    note = {"변경 전": "기존 요금제", "변경 후": f"월 {price} 요금제", "적용일": date}
    return lines, facts, note


def ko_retention(rng):
    discount = won(rng)
    lines = [("c", "요금이 너무 비싸서 해지하려고요."),
             ("a", f"지금 해지하시는 대신 12개월 동안 매달 {discount} 할인 혜택을 드릴 수 있습니다."),
             ("c", "아 그 정도면 그럼 계속 쓸게요."),
             ("a", f"네, 할인 혜택 적용했습니다. 다음 달부터 {discount} 할인됩니다.")]
    facts = [discount]
    note = {"해지 사유": "요금 부담", "제안 혜택": f"12개월 매달 {discount} 할인", "고객 반응": "수락, 유지"}
    return lines, facts, note


def ko_complaint(rng):
    date = ko_date(rng)
    req = rng.choice(["지난번 상담원이 너무 불친절해서 항의하려고 전화했어요.", "설치 기사님이 약속 시간을 세 번이나 어겼어요.",
                      "민원 넣으려고요. 처리가 계속 미뤄지고 있어요."])
    lines = [("c", req),
             ("a", "불편을 드려 정말 죄송합니다. 불만 내용 접수했습니다."),
             ("c", "책임자한테 꼭 전달해 주시고 보상도 해 주세요."),
             ("a", f"담당 부서에서 {date}까지 연락드리겠습니다.")]
    facts = [date]
    note = {"불만 내용": "서비스 불만", "고객 요구 사항": "책임자 전달, 보상", "처리 부서/기한": f"담당 부서, {date}까지 연락"}
    return lines, facts, note


KO_ABUSE = [
    ("insult", "너 같은 병신이랑은 말 못 하겠다"), ("profanity", "아 씨발 진짜 장난하냐"),
    ("profanity", "ㅅㅂ 이게 뭐하는 거야"), ("profanity", "시1발 몇 번을 말해"),
    ("insult", "이 개새끼들 일을 이따위로 해"), ("threat", "내가 회사로 찾아가서 가만 안 둘 거야"),
    ("insult", "멍청한 상담원 말고 딴 사람 바꿔"), ("sexual", "목소리 섹시하네 남자친구 있어?"),
    ("threat", "너 죽여버린다 진짜"), ("profanity", "씨 발 말귀를 못 알아듣네"),
    ("insult", "닥치고 환불이나 해"), ("insult", "미친놈아 내 말 안 들려?"), ("profanity", "존나 짜증나네"),
    ("sexual", "자기야 오늘 끝나고 뭐 해"), ("insult", "돌대가리냐 그것도 몰라"),
]


def ko_abusive(rng):
    picked = rng.sample(KO_ABUSE, rng.choice([2, 3]))
    lines = [("c", "요금이 왜 이렇게 나왔어요?"), ("c", picked[0][1], picked[0][0]),
             ("a", "고객님, 폭언을 계속하시면 상담이 어렵습니다. 이 통화는 녹음되고 있습니다."),
             ("c", picked[1][1], picked[1][0])]
    if len(picked) > 2:
        lines.append(("c", picked[2][1], picked[2][0]))
    lines.append(("a", "욕설이 계속되어 통화를 종료하겠습니다."))
    note = {"폭언 내용 요약": "욕설·폭언 반복", "경고 안내 횟수": "1회", "종료 여부": "상담원 종료", "팀장 보고": "보고"}
    return lines, [], note


def ko_transfer(rng):
    lines = [("c", "법인 카드 한도 상향 문의인데요."),
             ("a", "해당 업무는 기업 전담 부서에서 처리하고 있습니다. 전문 상담원에게 연결해 드리겠습니다.")]
    note = {"전환 대상": "기업 전담 부서", "전환 사유": "법인 카드 한도 문의"}
    return lines, [], note


KO_SCENES = {
    "BILLING_INQUIRY": ko_billing, "DELIVERY_STATUS": ko_delivery, "ADDRESS_CHANGE": ko_address,
    "PASSWORD_RESET": ko_password, "GENERAL_INQUIRY": ko_general, "CALLBACK_SCHEDULED": ko_callback,
    "CARD_LOST": ko_card_lost, "CARD_REISSUE": ko_reissue, "PAYMENT_ERROR": ko_payment_error,
    "REFUND": ko_refund, "INSTALLMENT": ko_installment, "CANCEL_REQUEST": ko_cancel,
    "PLAN_CHANGE": ko_plan, "RETENTION_SUCCESS": ko_retention, "COMPLAINT": ko_complaint,
    "ABUSIVE_CALL": ko_abusive, "TRANSFERRED": ko_transfer,
}

# ---------------------------------------------------------------- English parts

EN_OPEN = ["Thank you for calling, my name is {agent}. This call may be recorded for quality. How can I help you today?",
           "Hello, this is {agent} speaking. Calls are recorded for training. How may I help?"]
EN_AGENTS = ["Alex", "Jordan", "Sam", "Taylor"]
EN_ID = [("To verify your identity, could you confirm your name and date of birth?", "Sure, {name}, born {birth}."),
         ("Before we continue, I need to verify your identity. What is your date of birth?", "It's {birth}.")]
EN_NAMES = ["Emma Lee", "Daniel Park", "Olivia Kim", "James Choi"]
EN_CLOSE = [("Is there anything else I can help you with?", "No, that's all."),
            ("Anything else today?", "No thanks.")]
EN_BYE = ["Thank you for calling, have a nice day.", "Thanks for your patience, have a great day."]
EN_REACT = {
    "positive": ["That was quick, thank you so much. You've been really helpful.", "Great, that's perfect. Thanks a lot!",
                 "Wonderful, I really appreciate it."],
    "neutral": ["Okay, I see.", "Alright, I'll wait then.", "Fine, go ahead."],
    "negative": ["This is ridiculous, I've called three times already.", "I'm really disappointed, this should never have happened.",
                 "Honestly this is the worst service I've had. So frustrating."],
}
EN_COMPLAIN_EARLY = ["I'm so angry, nobody has fixed this yet.", "I've been waiting forever and I'm fed up."]
EN_TRICKY = ["I live near Sussex Street, by the way.", "It was for a class assignment about the Essex coast.",
             "My cocktail order was the issue."]


def en_simple(code, rng):
    if code == "BILLING_INQUIRY":
        amt, date = dollars(rng), en_date(rng)
        return ([("c", f"My bill this month is {amt}, which is way higher than usual. Can you check it?"),
                 ("a", f"I see an extra data charge. Your payment is due {date}, and I have removed the add-on today.")],
                [amt, date], {"Question": f"bill of {amt}", "Findings": "extra data charge", "Advice given": f"due {date}, add-on removed"})
    if code == "DELIVERY_STATUS":
        order, date = order_no(rng), en_date(rng)
        return ([("c", "My package still hasn't arrived. Can you check the delivery?"), ("a", "Could I have the order number?"),
                 ("c", f"The order number is {order}."), ("a", f"It has been shipped and will be delivered {date}. I will send you a text.")],
                [order, date], {"Order number": order, "Status": "shipped", "Expected date given": date})
    if code == "ADDRESS_CHANGE":
        old, new = rng.sample(EN_PLACES, 2)
        return ([("c", "I moved recently and need to update my address."), ("c", f"The old one was {old}, the new one is {new}."),
                 ("a", f"Done, your address has been changed to {new}.")],
                [old, new], {"Old address": old, "New address": new})
    if code == "PASSWORD_RESET":
        return ([("c", "I'm locked out of the app, I forgot my password."), ("a", "I have reset your password and sent a temporary code by text.")],
                [], {"Verification method": "date of birth", "What was reset": "app password", "Result": "reset, temporary code sent"})
    if code == "GENERAL_INQUIRY":
        br, t = rng.choice(EN_BRANCHES), en_time(rng)
        return ([("c", f"What are the opening hours of the {br}?"), ("a", f"The {br} is open until {t} on weekdays.")],
                [br, t], {"Question": f"{br} hours", "Advice given": f"open until {t} on weekdays"})
    if code == "CALLBACK_SCHEDULED":
        date, t = en_date(rng), en_time(rng)
        return ([("c", "I'm driving right now, can you call me back later?"), ("c", f"{date} at {t} works."),
                 ("a", f"Sure, I will call you back {date} at {t}.")],
                [date, t], {"Callback time": f"{date} {t}", "Number": "number on file", "Reason": "customer busy"})
    if code == "CARD_LOST":
        l4, date = last4(rng), en_date(rng)
        return ([("c", "I lost my wallet with my card in it."), ("c", f"It's the card ending in {l4}."),
                 ("a", f"I have blocked the card ending in {l4}. There are no fraudulent charges."),
                 ("a", f"A replacement will arrive by {date}.")],
                [l4, date], {"Card": f"ending {l4}", "Fraudulent use checked": "none", "Reissue": f"by {date}"})
    if code == "CARD_REISSUE":
        date, place = en_date(rng), rng.choice(EN_PLACES)
        return ([("c", "My card is cracked and the chip doesn't work. I need a new card."), ("c", f"Please send it to {place}."),
                 ("a", f"I have ordered a replacement to {place}, it will arrive {date}.")],
                [date, place], {"Reason": "damaged chip", "Delivery address": place, "Expected arrival": date})
    if code == "PAYMENT_ERROR":
        amt, date = dollars(rng), en_date(rng)
        return ([("c", f"My payment of {amt} was declined at the store on {date}."),
                 ("a", "I see the error. The duplicate charge has been reversed, it will show within 3 business days.")],
                [amt, date], {"Date/merchant": date, "Error": "declined", "Action": "reversed, within 3 business days"})
    if code == "REFUND":
        amt, date, order = dollars(rng), en_date(rng), order_no(rng)
        return ([("c", "I returned an item but I haven't got my money back."), ("c", f"The order number is {order}."),
                 ("a", f"Your refund of {amt} has been approved and will reach your card by {date}.")],
                [order, amt, date], {"Transaction": order, "Amount": amt, "Expected refund date": date})
    if code == "INSTALLMENT":
        amt = dollars(rng)
        return ([("c", f"Can I split my {amt} purchase into monthly payments?"),
                 ("a", f"Yes, I have converted the {amt} purchase into 6 monthly installments.")],
                [amt], {"Question": f"{amt} installments", "Action": "6 months", "Advice given": "from next statement"})
    if code == "CANCEL_REQUEST":
        fee, date = dollars(rng), en_date(rng)
        return ([("c", "I want to cancel my internet service."), ("a", f"There is an early termination fee of {fee}."),
                 ("c", "That's fine, please go ahead."), ("a", f"Your cancellation is effective {date}. You can withdraw it within 14 days.")],
                [fee, date], {"Service": "internet", "Reason": "customer request", "Early termination fee explained": fee, "Effective date": date})
    if code == "PLAN_CHANGE":
        price, date = dollars(rng), en_date(rng)
        return ([("c", "I'd like to switch to a cheaper plan."), ("a", f"I have changed you to the {price} plan, effective {date}.")],
                [price, date], {"From": "current plan", "To": f"{price} plan", "Effective": date})
    if code == "RETENTION_SUCCESS":
        disc = dollars(rng)
        return ([("c", "It's too expensive, I want to cancel."), ("a", f"Instead, I can offer you a discount of {disc} a month for a year."),
                 ("c", "Oh, in that case I'll stay with you."), ("a", f"Great, the {disc} discount has been applied.")],
                [disc], {"Reason for leaving": "price", "Offer made": f"{disc} monthly discount", "Customer response": "accepted"})
    if code == "COMPLAINT":
        date = en_date(rng)
        return ([("c", "I want to make a complaint, the technician was rude and late."),
                 ("c", "I want a manager to look at this and some compensation."),
                 ("a", f"I'm sorry. Our complaints team will contact you by {date}.")],
                [date], {"Complaint": "rude, late technician", "Customer asks for": "manager, compensation", "Owner/deadline": f"complaints team, {date}"})
    if code == "TRANSFERRED":
        return ([("c", "I have a question about a business account limit."),
                 ("a", "That is handled by our business department, let me transfer you to a specialist.")],
                [], {"Target": "business department", "Reason": "business account limit"})
    raise KeyError(code)


EN_ABUSE = [("insult", "You useless idiot, just do your job."), ("profanity", "This is fucking ridiculous."),
            ("threat", "I know where you live, watch your back."), ("profanity", "What the sh1t is this."),
            ("sexual", "Your voice is sexy, do you have a boyfriend?"), ("insult", "Shut up and give me a manager, moron.")]


def en_abusive(rng):
    picked = rng.sample(EN_ABUSE, 2)
    return ([("c", "Why is my bill so high?"), ("c", picked[0][1], picked[0][0]),
             ("a", "Sir, if the abusive language continues I will have to end this call. This call is recorded."),
             ("c", picked[1][1], picked[1][0]), ("a", "I'm ending this call now because of the offensive language.")],
            [], {"Summary of abuse": "repeated abuse", "Warnings given": "1", "Ended": "by agent", "Reported to lead": "yes"})

# ---------------------------------------------------------------- composing calls


def compose(lang, code, rng, index):
    ko = lang == "ko"
    queue, intent = CODE_INTENT[code]
    # The IVR choice: the right menu most of the time, none or a wrong one sometimes.
    roll = rng.random()
    if intent is None or roll < 0.15:
        intent_used = None
    elif roll < 0.25:
        intent_used = rng.choice([i for c, (q, i) in CODE_INTENT.items() if i and i != intent])
    else:
        intent_used = intent
    if code == "RETENTION_SUCCESS":
        mood = rng.choice(["neutral", "positive"])
    elif code in ("COMPLAINT", "ABUSIVE_CALL"):
        mood = "negative"
    else:
        mood = rng.choices(["negative", "neutral", "positive"], [3, 4, 3])[0]
    lines = []
    agent = rng.choice(KO_AGENTS if ko else EN_AGENTS)
    lines.append(("a", rng.choice(KO_OPEN if ko else EN_OPEN).format(agent=agent)))
    if code != "ABUSIVE_CALL" and rng.random() < 0.6:
        ask, answer = rng.choice(KO_ID if ko else EN_ID)
        name = rng.choice(KO_NAMES if ko else EN_NAMES)
        birth = rng.choice(["900315", "851122", "780604"]) if ko else rng.choice(["March 3rd 1990", "June 4th 1978"])
        lines.append(("a", ask))
        lines.append(("c", answer.format(name=name, birth=birth)))
    if mood == "negative" and code != "ABUSIVE_CALL" and rng.random() < 0.6:
        lines.append(("c", rng.choice(KO_COMPLAIN_EARLY if ko else EN_COMPLAIN_EARLY)))
    if ko:
        body, facts, note = (ko_abusive if code == "ABUSIVE_CALL" else KO_SCENES[code])(rng)
    else:
        body, facts, note = en_abusive(rng) if code == "ABUSIVE_CALL" else en_simple(code, rng)
    lines.extend(body)
    if code != "ABUSIVE_CALL":
        if rng.random() < 0.25:
            lines.insert(len(lines) - 1, ("c", rng.choice(KO_TRICKY if ko else EN_TRICKY)))
        lines.append(("c", rng.choice((KO_REACT if ko else EN_REACT)[mood])))
        ask, answer = rng.choice(KO_CLOSE if ko else EN_CLOSE)
        lines.append(("a", ask))
        lines.append(("c", answer))
        lines.append(("a", rng.choice(KO_BYE if ko else EN_BYE)))
    out_lines, t = [], 0
    for entry in lines:
        speaker, text = entry[0], entry[1]
        label = entry[2] if len(entry) > 2 else None
        out_lines.append({"speaker": "customer" if speaker == "c" else "agent", "text": text,
                          "atSec": t, "abusive": label})
        t += rng.randint(4, 15)
    gold_note = "\n".join(f"{k}: {v}" for k, v in note.items())
    return {"id": f"{lang}-{index:03d}", "lang": lang, "queue": queue, "intent": intent_used,
            "code": code, "sentiment": mood, "facts": facts, "goldNote": gold_note, "lines": out_lines}


def generate(lang, per_code, seed):
    rng = random.Random(seed)
    calls = []
    for code in CODE_INTENT:
        for _ in range(per_code):
            calls.append(compose(lang, code, rng, len(calls) + 1))
    return calls


def main():
    os.makedirs(OUT, exist_ok=True)
    for lang, per_code, seed in (("ko", 13, 2026), ("en", 4, 1203)):
        calls = generate(lang, per_code, seed)
        path = os.path.join(OUT, f"calls_{lang}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for call in calls:
                f.write(json.dumps(call, ensure_ascii=False) + "\n")
        print(f"{path}: {len(calls)} calls")


if __name__ == "__main__":
    main()
