#include "speech_cues.h"

#include "data.h"

namespace presslens {
namespace {

template <typename F>
void ForEachWord(std::string_view s, F f) {
  while (!s.empty()) {
    size_t sp = s.find_first_of(" \t");
    if (sp != 0) f(s.substr(0, sp));
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
}

}  // namespace

SpeechLexicon::SpeechLexicon() {
  for (std::string_view line : DataLines("speech-cues")) {
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) continue;
    CueInfo info;
    info.lemma = std::string(line.substr(0, t1));
    std::string_view cls = line.substr(t1 + 1, t2 - t1 - 1);
    info.cls = cls == "naming"      ? CueClass::kNaming
               : cls == "utter"     ? CueClass::kUtter
               : cls == "report"    ? CueClass::kReport
               : cls == "according" ? CueClass::kAccording
                                    : CueClass::kSpeech;
    ForEachWord(line.substr(t2 + 1), [&](std::string_view form) {
      CueInfo f = info;
      f.participle = form.size() > 4 && form.substr(form.size() - 3) == "ing" &&
                     info.cls != CueClass::kAccording;
      cues_.emplace(std::string(form), f);
    });
  }
  std::unordered_set<std::string>* section = nullptr;
  for (std::string_view line : DataLines("speaker-words")) {
    if (line.front() == '[') {
      section = line == "[role]"         ? &roles_
                : line == "[human]"      ? &human_
                : line == "[title]"      ? &titles_
                : line == "[determiner]" ? &determiners_
                : line == "[not-name]"   ? &not_names_
                : line == "[label]"      ? &labels_
                : line == "[label-before]" ? &label_intros_
                                         : nullptr;
      continue;
    }
    if (section) ForEachWord(line, [&](std::string_view w) { section->emplace(w); });
  }
}

bool SpeechLexicon::HasNoun(const std::unordered_set<std::string>& s, std::string_view w) {
  if (Has(s, w)) return true;
  size_t n = w.size();
  if (n > 3 && w.substr(n - 3) == "ies" && Has(s, std::string(w.substr(0, n - 3)) + "y")) return true;
  if (n > 3 && w.substr(n - 3) == "men" && Has(s, std::string(w.substr(0, n - 3)) + "man")) return true;
  if (n > 2 && w.back() == 's' && Has(s, w.substr(0, n - 1))) return true;
  if (n > 3 && w.substr(n - 2) == "es" && Has(s, w.substr(0, n - 2))) return true;
  return false;
}

const CueInfo* SpeechLexicon::Cue(std::string_view lower) const {
  auto it = cues_.find(std::string(lower));
  return it == cues_.end() ? nullptr : &it->second;
}

}  // namespace presslens
