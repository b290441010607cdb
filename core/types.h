// The core's vocabulary as codes: entity types, mention rules, quote kinds and the rules that
// decide a quote's speaker or a condemnation. Stages compare codes; the names below are used
// only when the public Result is built (result.cc) and when user input is read.
#ifndef PRESSLENS_TYPES_H_
#define PRESSLENS_TYPES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace presslens {

// kMisc is what the tagger calls anything else; it is never reported.
enum class EntityType : uint8_t { kPerson, kOrg, kGpe, kLoc, kNorp, kEvent, kMisc };
constexpr int kEntityTypes = static_cast<int>(EntityType::kMisc) + 1;
EntityType EntityTypeOf(std::string_view name);  // kMisc for anything but the six reported types
std::string_view EntityTypeName(EntityType type);  // "PERSON" ... "EVENT", "MISC"
inline bool ValidEntityType(std::string_view name) {
  return EntityTypeOf(name) != EntityType::kMisc;
}

// Why a mention was found: the tagger, the user's lexicon, an alias of an earlier mention, or
// the built-in gazetteer.
enum class MentionRule : uint8_t { kModel, kLexicon, kAlias, kGazetteer, kKnowledgeBase };
std::string_view MentionRuleName(MentionRule rule);  // "model", "lexicon", "alias", "gazetteer", "knowledge-base"

enum class QuoteKind : uint8_t { kDirect, kPartial, kScare, kIndirect, kMixed };
std::string_view QuoteKindName(QuoteKind kind);  // "direct", "partial", "scare", "indirect", "mixed"

// The rule that settled a quote's speaker. kEvent takes the speaker of a speech event; its name
// is composed from how that event was read (see QuoteRuleName).
enum class QuoteRule : uint8_t {
  kEvent,                    // "Q," Lavrov said. -> QUOTE_COMMA_NAME_SAID
  kScare,                    // the "so-called" "reforms" -> QUOTE_SCARE
  kNoSpeaker,                // "Q." (nobody named near it) -> QUOTE_NO_SPEAKER
  kContinuation,             // "A," he said. "B." -> QUOTE_CONTINUATION (for B)
  kContinuedByNext,          // "A <newline> "B," he said -> QUOTE_CONTINUED_BY_NEXT (for A)
  kHeadlineRepeatsBody,      // a headline quote repeated in the body -> HEADLINE_REPEATS_BODY
  kSpeakerPreviousSentence,  // Lavrov spoke. "Q." -> SPEAKER_PREVIOUS_SENTENCE
  kDashName,                 // "Q." — Sergey Lavrov -> QUOTE_DASH_NAME
  kLabel,                    // Sergey Lavrov: "Q." -> LABEL_QUOTE
  kTranscript,               // LAVROV: Q (a transcript's turn, no marks) -> TRANSCRIPT_TURN
  kReported,                 // Lavrov said the talks failed. -> REPORTED_SPEECH (attribution.h)
};
// How the speech event of a kEvent rule was read.
enum class SpeakerForm : uint8_t { kName, kPronoun, kDescription, kJoint };
enum class SpeechCueForm : uint8_t { kSaid, kTold, kOther, kTermed, kAccordingTo };
struct QuoteRuleId {
  QuoteRule rule = QuoteRule::kNoSpeaker;
  SpeakerForm speaker = SpeakerForm::kName;
  SpeechCueForm cue = SpeechCueForm::kOther;
  bool after = false;     // the event follows the quote ("Q," he said)
  bool inverted = false;  // verb before subject ("Q," said Lavrov)
};
std::string QuoteRuleName(const QuoteRuleId& id);  // "QUOTE_COMMA_SAID_NAME", "QUOTE_SCARE", ...

// The pattern that read a condemnation; the name is "CONDEMN_" + the enumerator in upper case.
enum class CondemnationRule : uint8_t {
  kActive,           // Russia condemned the strike.
  kPassive,          // The strike was condemned by Russia.
  kNominal,          // criticism of the plan by unions
  kNominalThat,      // a complaint that the plan is unfair
  kNominalProvoke,   // The plan drew criticism from unions.
  kToBlame,          // The rebels are to blame.
  kUnderFire,        // The film came under fire for its violence.
  kThatClause,       // Unions alleged (that) the ministry had lied.
  kBlameOn,          // They blamed the violence on the rebels.
  kAccuseOf,         // They accused Russia of lying.
  kBlameFor,         // They blamed Russia for the strike.
  kPrep,             // Unions protested against the plan.
  kControl,          // The raid prompted the UN to charge that ...
  kReducedRelative,  // an army source accusing rebel fighters
  kAdjunct,          // Unions issued a statement condemning the plan.
  kCoordinated,      // Unions expressed support and denounced the plan.
  kReportedDeontic,  // Wang said Beijing should oppose the plan.
};
struct CondemnationRuleId {
  CondemnationRule rule = CondemnationRule::kActive;
  bool quote_speaker = false;  // a first-person source inside a quote is the quote's speaker
};
std::string CondemnationRuleName(const CondemnationRuleId& id);  // "CONDEMN_ACCUSE_OF+QUOTE_SPEAKER"

}  // namespace presslens

#endif  // PRESSLENS_TYPES_H_
