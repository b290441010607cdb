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

void SpeechLexicon::Words::Add(std::string_view w) {
  uint64_t h = Hash(kHashSeed, w);
  if (index.Find(h)) return;  // a repeated word (a true collision would need a longer key)
  index.Insert(h, static_cast<int32_t>(words.size()));
  words.emplace_back(w);
}

bool SpeechLexicon::Words::HasStem(std::string_view w, size_t n, std::string_view suffix) const {
  const int32_t* k = index.Find(Hash(Hash(kHashSeed, w.substr(0, n)), suffix));
  if (!k) return false;
  const std::string& s = words[*k];
  return s.size() == n + suffix.size() && s.compare(0, n, w.data(), n) == 0 &&
         s.compare(n, suffix.size(), suffix) == 0;
}

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
      uint64_t h = Hash(kHashSeed, form);
      if (cue_index_.Find(h)) return;  // the first line that lists a form wins
      CueInfo f = info;
      f.participle = form.size() > 4 && form.substr(form.size() - 3) == "ing" &&
                     info.cls != CueClass::kAccording;
      cue_index_.Insert(h, static_cast<int32_t>(cues_.size()));
      cue_forms_.emplace_back(form);
      cues_.push_back(std::move(f));
    });
  }
  Words* section = nullptr;
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
    if (section) ForEachWord(line, [&](std::string_view w) { section->Add(w); });
  }
}

bool SpeechLexicon::HasNoun(const Words& s, std::string_view w) {
  if (s.Has(w)) return true;
  size_t n = w.size();
  if (n > 3 && w.substr(n - 3) == "ies" && s.HasStem(w, n - 3, "y")) return true;
  if (n > 3 && w.substr(n - 3) == "men" && s.HasStem(w, n - 3, "man")) return true;
  if (n > 2 && w.back() == 's' && s.Has(w.substr(0, n - 1))) return true;
  if (n > 3 && w.substr(n - 2) == "es" && s.Has(w.substr(0, n - 2))) return true;
  return false;
}

const CueInfo* SpeechLexicon::Cue(std::string_view lower) const {
  const int32_t* k = cue_index_.Find(Hash(kHashSeed, lower));
  return k && cue_forms_[*k] == lower ? &cues_[*k] : nullptr;
}

}  // namespace presslens
