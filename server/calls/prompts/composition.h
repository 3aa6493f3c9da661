#pragma once
// Which prompt fragments, in which order, make each caller announcement (docs/prompts.md).
// Pure functions over fragment ids (the WAV file stems), so the wording logic is testable
// without audio and the same ids work for espeak-ng output and recorded voice alike.
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::server::prompts {

enum class Lang { Ko, En };

// "ko" / "en": the fragment sub-directory and the `lang` column of prompts.tsv.
std::string_view langCode(Lang lang);

// Positions 1..kMaxOrdinal have their own fragment; later ones share "ord_over20".
inline constexpr int kMaxOrdinal = 20;
// Waits up to kMaxWaitMinutes are said in minutes; longer ones as "more than 30 minutes".
inline constexpr int kMaxWaitMinutes = 30;

// The expected wait as announced. Negative ewtSec (unknown) → -1: no figure is said.
// Otherwise whole minutes rounded up, at least 1 (a caller told "about 0 minutes" who then
// waits 40 s feels misled; rounding up errs on the side of a pleasant surprise):
// 0..60 s → 1, 61..120 s → 2, …, 1741..1800 s → 30, above 1800 s → kMaxWaitMinutes + 1,
// meaning "more than 30 minutes".
int announcedWaitMinutes(int ewtSec);

// Greeting with the recording notice and the counselor-respect notice, once at answer.
std::vector<std::string> greetingIds(Lang lang);

// Position in queue (1 = next; values below 1 are said as 1) and, when ewtSec >= 0, the
// expected wait. ko: 현재 대기 순번은 세 번째, 예상 대기 시간은 약 2분입니다.
//                  현재 대기 순번은 세 번째입니다. 잠시만 기다려 주십시오.   (EWT unknown)
// en: You are number three in the queue. The expected wait is about 2 minutes.
//     You are number three in the queue. Please stay on the line.        (EWT unknown)
std::vector<std::string> queuePositionIds(Lang lang, int position, int ewtSec);

std::vector<std::string> abuseWarningIds(Lang lang);
std::vector<std::string> protectionClosingIds(Lang lang);
std::vector<std::string> transferringIds(Lang lang);
std::vector<std::string> onHoldIds(Lang lang);

// Every fragment id any of the above can return for `lang`: what a prompt set must provide.
std::vector<std::string> fragmentIds(Lang lang);

}  // namespace agentdesk::server::prompts
