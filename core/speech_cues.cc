#include "speech_cues.h"

namespace presslens {
namespace {

// Sizes for the tables, so that building them (at every cold start) never regrows them: the
// data and the speaker pass's own lists hold about 1,600 words and forms.
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

PRESSLENS_OUT_OF_LINE SpeechLexicon::Entry* SpeechLexicon::Append(const Entry& e, uint64_t h) {
  if (2 * (entries_.size() + 1) > slots_.size()) Grow();
  const size_t bit = FilterBit(h);
  filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  size_t i = Slot(h);
  while (slots_[i].entry >= 0) i = (i + 1) & mask_;
  slots_[i] = HashSlot{h, static_cast<int32_t>(entries_.size())};
  entries_.push_back(e);
  return &entries_.back();
}

SpeechLexicon::Entry* SpeechLexicon::Insert(std::string_view w) {
  const uint64_t h = Hash(kHashSeed, w);
  for (size_t i = Slot(h); slots_[i].entry >= 0; i = (i + 1) & mask_) {
    if (slots_[i].hash == h) {
      Entry& e = entries_[slots_[i].entry];
      return Word(e) == w ? &e : nullptr;
    }
  }
  Entry e;
  e.offset = static_cast<uint32_t>(words_.size());
  e.size = static_cast<uint32_t>(w.size());
  words_.append(w);
  return Append(e, h);
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
  if (w.size() > sizeof buf) return;  // no such word in the lists
  for (size_t k = 0; k < w.size(); ++k)
    buf[k] = w[k] >= 'A' && w[k] <= 'Z' ? static_cast<char>(w[k] - 'A' + 'a') : w[k];
  if (Entry* e = Insert(std::string_view(buf, w.size()))) e->lower |= kSpellings;
}

SpeechLexicon::SpeechLexicon() {
  Grow();  // 2 * kExpectedWords slots
  entries_.reserve(kExpectedWords);
  words_.reserve(kExpectedBytes);
  // The generated words, each new: no lookup before it is added.
  words_.assign(kData.words.data(), kData.words.size());
  uint32_t offset = 0;
  for (const PackedEntry& p : kData.entries) {
    Entry e;
    e.offset = offset;
    e.size = p.size;
    e.lower = (p.lower & 0x7fu) | (p.lower & 0x80u ? uint32_t{kSpellings} : 0u);
    e.exact = p.exact;
    e.cue = p.cue - 1;
    offset += p.size;
    Append(e, Hash(kHashSeed, Word(e)));
  }
}

}  // namespace presslens
