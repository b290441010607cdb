#include "speech_cues.h"

#include "data.h"

namespace presslens {
namespace {

// Sizes for the tables, so that building them (at every cold start) never regrows them: the
// data holds about 2,600 words and forms.
constexpr size_t kExpectedWords = 4096;
constexpr size_t kExpectedBytes = 32 * 1024;

}  // namespace

void SpeechLexicon::Grow() {
  slots_.assign(slots_.empty() ? 2 * kExpectedWords : 2 * slots_.size(), HashSlot());
  mask_ = slots_.size() - 1;
  for (size_t k = 0; k < entries_.size(); ++k) {
    const uint64_t h = Hash(kHashSeed, Word(entries_[k]));
    size_t i = Slot(h);
    while (slots_[i].entry >= 0) i = (i + 1) & mask_;
    slots_[i] = HashSlot{h, static_cast<int32_t>(k)};
  }
}

SpeechLexicon::Entry* SpeechLexicon::Insert(std::string_view w) {
  const uint64_t h = Hash(kHashSeed, w);
  size_t i = Slot(h);
  for (; slots_[i].entry >= 0; i = (i + 1) & mask_) {
    if (slots_[i].hash == h) {
      Entry& e = entries_[slots_[i].entry];
      return Word(e) == w ? &e : nullptr;
    }
  }
  if (2 * (entries_.size() + 1) > slots_.size()) {
    Grow();
    return Insert(w);
  }
  const size_t bit = FilterBit(h);
  filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  Entry e;
  e.offset = static_cast<uint32_t>(words_.size());
  e.size = static_cast<uint32_t>(w.size());
  words_.append(w);
  slots_[i] = HashSlot{h, static_cast<int32_t>(entries_.size())};
  entries_.push_back(e);
  return &entries_.back();
}

void SpeechLexicon::Add(uint32_t classes, bool exact,
                        std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (exact) {
      AddExact(w, classes);
    } else if (Entry* e = Insert(w)) {
      e->lower |= classes;
    }
  }
}

void SpeechLexicon::AddExact(std::string_view w, uint32_t classes) {
  if (Entry* e = Insert(w)) e->exact |= classes;
  char buf[64];
  if (w.size() > sizeof buf) return;  // no such word in the data
  for (size_t k = 0; k < w.size(); ++k)
    buf[k] = w[k] >= 'A' && w[k] <= 'Z' ? static_cast<char>(w[k] - 'A' + 'a') : w[k];
  if (Entry* e = Insert(std::string_view(buf, w.size()))) e->lower |= kSpellings;
}

void SpeechLexicon::AddNoun(std::string_view w, uint32_t cls) {
  auto add = [&](std::string_view stem, std::string_view suffix) {
    char buf[64];
    if (stem.size() + suffix.size() > sizeof buf) return;  // no such noun in the data
    stem.copy(buf, stem.size());
    suffix.copy(buf + stem.size(), suffix.size());
    if (Entry* e = Insert(std::string_view(buf, stem.size() + suffix.size()))) e->lower |= cls;
  };
  add(w, "");
  const size_t n = w.size();
  if (n < 2) return;
  add(w, "s");
  add(w, "es");
  if (w.back() == 'y') add(w.substr(0, n - 1), "ies");
  if (n >= 4 && w.substr(n - 3) == "man") add(w.substr(0, n - 3), "men");
}

SpeechLexicon::SpeechLexicon() {
  Grow();  // 2 * kExpectedWords slots
  entries_.reserve(kExpectedWords);
  words_.reserve(kExpectedBytes);
  // Each line gives at most two cues (the -ing form is a participle); cues_ never regrows, so
  // nothing else is needed to keep indices into it valid.
  size_t lines = 0;
  ForEachDataLine("speech-cues", [&](std::string_view) { ++lines; });
  cues_.reserve(2 * lines);
  ForEachDataLine("speech-cues", [&](std::string_view line) {
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) return;
    std::string_view cls = line.substr(t1 + 1, t2 - t1 - 1);
    const CueClass c = cls == "naming"      ? CueClass::kNaming
                       : cls == "utter"     ? CueClass::kUtter
                       : cls == "report"    ? CueClass::kReport
                       : cls == "according" ? CueClass::kAccording
                                            : CueClass::kSpeech;
    int32_t plain = -1, participle = -1;  // this line's two cues, made when first needed
    ForEachWord(line.substr(t2 + 1), [&](std::string_view form) {
      Entry* e = Insert(form);
      if (!e || e->cue >= 0) return;  // the first line that lists a form wins
      const bool ing = form.size() > 4 && form.substr(form.size() - 3) == "ing" &&
                       c != CueClass::kAccording;
      int32_t& slot = ing ? participle : plain;
      if (slot < 0) {
        slot = static_cast<int32_t>(cues_.size());
        CueInfo info;
        info.lemma = std::string(line.substr(0, t1));
        info.cls = c;
        info.participle = ing;
        cues_.push_back(std::move(info));
      }
      e->cue = slot;
    });
  });
  uint32_t section = 0;
  bool exact = false, noun = false;
  ForEachDataLine("speaker-words", [&](std::string_view line) {
    if (line.front() == '[') {
      section = line == "[role]"           ? kRole
                : line == "[human]"        ? kHuman
                : line == "[title]"        ? kTitle
                : line == "[determiner]"   ? kDeterminer
                : line == "[not-name]"     ? kNotName
                : line == "[label]"        ? kLabelNoun
                : line == "[label-before]" ? kLabelIntro
                                           : uint32_t{0};
      exact = section == kTitle || section == kNotName;
      noun = section == kRole || section == kHuman;
      return;
    }
    if (!section) return;
    ForEachWord(line, [&](std::string_view w) {
      if (noun) {
        AddNoun(w, section);
      } else if (exact) {
        AddExact(w, section);
      } else if (Entry* e = Insert(w)) {
        e->lower |= section;
      }
    });
  });
}

}  // namespace presslens
