#include "speech_cues.h"

namespace presslens {
namespace {

// Sizes for the tables, so that building them (at every cold start) never regrows them: the
// data hold about 1,600 words and forms.
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
    e.lower = (uint32_t{p.lower} & 0x7fffu) << 8 | (p.lower & 0x8000u ? uint32_t{kSpellings} : 0u);
    e.exact = p.exact;
    e.cue = p.cue - 1;
    offset += p.size;
    Append(e, Hash(kHashSeed, Word(e)));
  }
}

}  // namespace presslens
