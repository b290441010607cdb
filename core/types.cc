#include "types.h"

#include <iterator>

namespace presslens {

namespace {

constexpr std::string_view kEntityTypeNames[] = {"PERSON", "ORG",   "GPE", "LOC",
                                                 "NORP",   "EVENT", "MISC"};
static_assert(std::size(kEntityTypeNames) == static_cast<size_t>(EntityType::kMisc) + 1);

}  // namespace

EntityType EntityTypeOf(std::string_view name) {
  for (int t = 0; t < static_cast<int>(EntityType::kMisc); ++t)
    if (name == kEntityTypeNames[t]) return static_cast<EntityType>(t);
  return EntityType::kMisc;
}

std::string_view EntityTypeName(EntityType type) {
  return kEntityTypeNames[static_cast<int>(type)];
}

std::string_view MentionRuleName(MentionRule rule) {
  static constexpr std::string_view kNames[] = {"model", "lexicon", "alias", "gazetteer", "knowledge-base"};
  static_assert(std::size(kNames) == static_cast<size_t>(MentionRule::kKnowledgeBase) + 1);
  return kNames[static_cast<int>(rule)];
}

std::string_view QuoteKindName(QuoteKind kind) {
  static constexpr std::string_view kNames[] = {"direct", "partial", "scare", "indirect", "mixed"};
  static_assert(std::size(kNames) == static_cast<size_t>(QuoteKind::kMixed) + 1);
  return kNames[static_cast<int>(kind)];
}

std::string QuoteRuleName(const QuoteRuleId& id) {
  static constexpr std::string_view kRules[] = {
      "",  // kEvent: composed below
      "QUOTE_SCARE",        "QUOTE_NO_SPEAKER",     "QUOTE_CONTINUATION",
      "QUOTE_CONTINUED_BY_NEXT", "HEADLINE_REPEATS_BODY", "SPEAKER_PREVIOUS_SENTENCE",
      "QUOTE_DASH_NAME",    "LABEL_QUOTE",          "TRANSCRIPT_TURN",
      "REPORTED_SPEECH"};
  static_assert(std::size(kRules) == static_cast<size_t>(QuoteRule::kReported) + 1);
  if (id.rule != QuoteRule::kEvent) return std::string(kRules[static_cast<int>(id.rule)]);
  static constexpr std::string_view kSpeakers[] = {"NAME", "PRONOUN", "DESCRIPTION", "JOINT"};
  static constexpr std::string_view kCues[] = {"SAID", "TOLD", "CUE", "TERMED", ""};
  static_assert(std::size(kSpeakers) == static_cast<size_t>(SpeakerForm::kJoint) + 1);
  static_assert(std::size(kCues) == static_cast<size_t>(SpeechCueForm::kAccordingTo) + 1);
  const std::string who(kSpeakers[static_cast<int>(id.speaker)]);
  if (id.cue == SpeechCueForm::kAccordingTo)
    return id.after ? "QUOTE_ACCORDING_TO_" + who : "ACCORDING_TO_" + who + "_QUOTE";
  const std::string verb(kCues[static_cast<int>(id.cue)]);
  if (!id.after) return who + "_" + verb + "_QUOTE";
  return id.inverted ? "QUOTE_COMMA_" + verb + "_" + who : "QUOTE_COMMA_" + who + "_" + verb;
}

std::string CondemnationRuleName(const CondemnationRuleId& id) {
  static constexpr std::string_view kNames[] = {
      "ACTIVE",  "PASSIVE",     "NOMINAL",  "NOMINAL_THAT", "NOMINAL_PROVOKE", "TO_BLAME",
      "UNDER_FIRE", "THAT_CLAUSE", "BLAME_ON", "ACCUSE_OF",    "BLAME_FOR",       "PREP",
      "CONTROL", "REDUCED_RELATIVE", "ADJUNCT", "COORDINATED", "REPORTED_DEONTIC"};
  static_assert(std::size(kNames) ==
                static_cast<size_t>(CondemnationRule::kReportedDeontic) + 1);
  std::string name = "CONDEMN_";
  name += kNames[static_cast<int>(id.rule)];
  if (id.quote_speaker) name += "+QUOTE_SPEAKER";
  return name;
}

}  // namespace presslens
