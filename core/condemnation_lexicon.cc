#include "condemnation_lexicon.h"

#include <cstdio>
#include <cstdlib>

namespace presslens {

CueLexicon::CueLexicon() {
  // The forms by hash, and the word lists as sets: a few hundred words each, hashed once.
  const ArrayView<FormData> forms = kData.forms;
  form_index_.Reserve(forms.size());
  for (size_t k = 0; k < forms.size(); ++k) {
    const uint64_t h = Hash(kHashSeed, forms[k].word);
    const size_t bit = FilterBit(h);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    form_index_.Insert(h, static_cast<int32_t>(k));
  }
  lists_.reserve(kData.lists.size());
  for (const ListData& l : kData.lists) lists_.emplace_back(l.name, WordHashSet(l.words));
  topics_.reserve(kData.topics.size());
  for (const TopicData& t : kData.topics)
    topics_.push_back({t.code, WordHashSet(t.words), t.phrases});
}

PRESSLENS_OUT_OF_LINE void WordHashSet::Rehash(size_t slots) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(slots, Slot());
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.size < 0) continue;
    size_t i = Home(s.hash);
    while (slots_[i].size >= 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

void WordHashSet::Reserve(size_t n) {
  size_t slots = 16;
  while (slots < 4 * n) slots *= 2;  // at most a quarter full, as Insert keeps it
  if (slots > slots_.size()) Rehash(slots);
}

PRESSLENS_OUT_OF_LINE void WordHashSet::Insert(std::string_view w) {
  const uint64_t h = Hash(kHashSeed, w);
  if (Has(h, w)) return;
  if (4 * (size_ + 1) > slots_.size()) Rehash(slots_.empty() ? 16 : 2 * slots_.size());
  size_t i = Home(h);
  while (slots_[i].size >= 0) i = (i + 1) & mask_;
  slots_[i] = Slot{h, w.data(), static_cast<int32_t>(w.size())};
  ++size_;
}

namespace {

[[noreturn]] void NoSuchList(std::string_view list) {
  std::fprintf(stderr, "presslens: no word list [%.*s] in the lexicon data\n",
               static_cast<int>(list.size()), list.data());
  std::abort();
}

}  // namespace

const WordHashSet& CueLexicon::List(const char* list) const {
  for (const auto& [name, words] : lists_)
    if (name == list) return words;
  NoSuchList(list);
}

WordSpan CueLexicon::ListWords(std::string_view list) {
  for (const ListData& l : kData.lists)
    if (l.name == list) return l.words;
  NoSuchList(list);
}

bool CueLexicon::In(const char* list, std::string_view w) const { return List(list).Has(w); }

}  // namespace presslens
