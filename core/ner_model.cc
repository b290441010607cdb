#include "ner_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

#include "knowledge_base.h"
#include "weight_rows.h"

namespace presslens {
namespace {

// A feature: template id and up to three values, hashed into a bucket.
inline uint32_t F(uint32_t tmpl, uint32_t a, uint32_t b = 0, uint32_t c = 0) {
  return HashFeature(tmpl, a, b, c) & kHashMask;
}

// The shape class of each byte: its shape character, kRun when a run of them collapses to
// one, kSkip for a UTF-8 continuation byte (no character of its own).
constexpr uint16_t kRun = 0x100, kSkip = 0x200;
struct ShapeTable {
  uint16_t entry[256];
  constexpr ShapeTable() : entry() {
    for (int c = 0; c < 256; ++c) {
      const int cls = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x'
                      : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'x' : c;
      entry[c] = static_cast<uint16_t>(c >= 0x80 && c < 0xC0 ? kSkip
                                       : cls | (cls == 'X' || cls == 'x' || cls == 'd' ? kRun : 0));
    }
  }
};
constexpr ShapeTable kShape{};

// Hash of the word shape with runs collapsed: "Putin" -> "Xx", "U.S." -> "X.X.",
// "1996-08-30" -> "d-d-d"; at most 8 shape characters; S() of the shape string, hashed as
// its characters come (this runs on every token).
uint32_t ShapeHash(std::string_view w, bool upper_initial) {
  uint64_t h = kHashSeed;
  unsigned last = 0xffff;  // the last shape character's entry when it is a collapsing one
  size_t len = 0, k = 0;
  if (upper_initial && !w.empty() && !(kShape.entry[static_cast<unsigned char>(w[0])] & kSkip)) {
    last = 'X' | kRun;  // an upper-case initial outside ASCII ("Élysée") is still X
    h = (h ^ 'X') * kHashPrime;
    len = k = 1;
  }
  for (; k < w.size() && len < 8; ++k) {
    const unsigned e = kShape.entry[static_cast<unsigned char>(w[k])];
    if (e == last || (e & kSkip)) continue;
    last = e & kRun ? e : 0xffff;
    h = (h ^ (e & 0xff)) * kHashPrime;
    ++len;
  }
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// The gazetteer's type of a name as the feature value (0 is no name).
uint8_t GazType(EntityType type) {
  switch (type) {
    case EntityType::kGpe: return 1;
    case EntityType::kLoc: return 2;
    case EntityType::kOrg: return 3;
    case EntityType::kNorp: return 4;
    case EntityType::kEvent: return 5;
    case EntityType::kPerson: return 6;
    default: return 7;
  }
}

// NerDynamicFeatures in two parts: those of the previous two tags alone, and those of the
// previous tag and the word's last class with the word (the tagger keeps their sums apart).
inline void DynamicOfPrevious(uint32_t prev, uint32_t prev2, uint32_t* out) {
  out[0] = F(50, prev);
  out[1] = F(51, prev2, prev);
}
inline void DynamicOfWord(uint32_t prev, uint32_t hist, uint32_t word, uint32_t shape,
                          uint32_t* out) {
  out[0] = F(52, prev, word);
  out[1] = F(53, prev, shape);
  out[2] = F(54, hist);
  out[3] = F(55, hist, shape);
}

}  // namespace

void NerFeatures::Compute(const Document& doc, const Gazetteer& gaz) {
  doc_ = &doc;
  const auto& tokens = doc.tokens;
  const int n = static_cast<int>(tokens.size());
  n_ = n;
  shape_.assign(n, 0);
  // A long text keeps no exact hash per token (8 bytes each): exact() computes it again.
  const bool keep_exact = doc.text.size() <= kLongText;
  exact_.assign(keep_exact ? n : 0, 0);
  flags_.assign(n, kReliableBit);  // outside a sentence too
  gz_.assign(n, 0);
  kb_.assign(n, 0);
  case_.assign(n, 0);
  // Sized for the distinct words of a text (about a quarter of its tokens in a long news
  // text, more in a short one: + 128 keeps a short article's table from growing); capped so
  // that a long text, with fewer new words per token, does not get a sparse table. Reset
  // reuses the table of an object used before (the entity pass keeps one per thread).
  seen_.Reset(std::min(n / 4 + 128, 32768));

  for (const Sentence& s : doc.sentences) {
    int words = 0, caps = 0;
    // A line of a results table: numbers and names, no lower-case word.
    bool table = false, lower = false;
    for (int i = s.first; i < s.last; ++i) {
      const Token& t = tokens[i];
      if (t.kind == TokenKind::kWord) {
        ++words;
        caps += t.all_caps;
        lower = lower || !t.upper_initial;
      } else {
        table = table || t.kind == TokenKind::kNumber;
      }
    }
    if (s.first >= s.last) continue;
    const bool all_caps = words >= 2 && caps == words;
    const uint8_t headline = static_cast<uint8_t>(s.headline | ((table && !lower) << 1));
    std::fill(flags_.begin() + s.first, flags_.begin() + s.last,
              static_cast<uint8_t>((all_caps ? kCapsSentenceBit : 0) | headline << kHeadlineShift |
                                   (!all_caps && !s.headline ? kReliableBit : 0)));
    flags_[s.first] |= kFirstBit;
  }
  gaz_matches_.clear();
  // The tokenizer's folded hashes and Token::capitals, when it left them (it does in the
  // pipeline and in training).
  const bool have_folded = doc.folded_hash.size() == tokens.size();
  if (have_folded) {
    folded_.clear();
    folded_data_ = doc.folded_hash.data();
  } else {
    folded_.assign(n, 0);
    folded_data_ = folded_.data();
  }
  // Hash(token) ^ kUpperMark if upper_initial -> the first token with that text and initial,
  // whose shape and word case the later ones copy. One per thread, reset for every text.
  thread_local FlatMap shapes;
  shapes.Reset(std::min(n / 4 + 128, 32768));
  constexpr uint64_t kUpperMark = 0x9E3779B97F4A7C15ull;
  int gaz_next = 0;  // the gazetteer's names do not overlap: the next token one may start at
  for (int i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    std::string_view w = doc.TokenText(i);
    uint64_t exact = kHashSeed, folded = kHashSeed;
    if (have_folded) {
      folded = doc.folded_hash[i];
      if (!t.capitals) exact = folded;  // no capital letter: the text is its folded form
      else
        for (unsigned char c : w) exact = (exact ^ c) * kHashPrime;
    } else {
      Hash2(&exact, &folded, w);
    }
    if (!have_folded) folded_[i] = folded;
    if (keep_exact) exact_[i] = exact;
    const uint32_t word = static_cast<uint32_t>(folded ^ (folded >> 32));
    {  // the shape and word case of each distinct token (text and initial case) computed once
      bool inserted;
      const int32_t first =
          *shapes.FindOrInsert(exact ^ (t.upper_initial ? kUpperMark : 0), i, &inserted);
      if (inserted) {
        shape_[i] = ShapeHash(w, t.upper_initial);
        case_[i] = t.kind == TokenKind::kWord ? static_cast<uint8_t>(gaz.WordCase(folded)) : 0;
      } else {
        shape_[i] = shape_[first];
        case_[i] = case_[first];
      }
    }
    if (t.kind == TokenKind::kWord) {
      int32_t seen = 0;
      if (!t.upper_initial) seen = kSeenLower;
      else if (!t.all_caps && !IsFirst(i) && !CapsSentence(i)) seen = kSeenCapMid;
      if (seen) {
        bool inserted;
        int32_t* flags = seen_.FindOrInsert(word, seen, &inserted);
        *flags |= seen;
      }
      if (t.upper_initial) {
        // Given names match exactly, or title-cased in an all-caps word.
        if (gaz.given.Contains(exact)) {
          flags_[i] |= kGivenBit;
        } else if (t.all_caps && w.size() > 1) {
          if (gaz.given.Contains(Hash(Hash(kHashSeed, w.substr(0, 1)), w.substr(1), true)))
            flags_[i] |= kGivenBit;
        }
      }
      if (gaz.title_words.Contains(folded)) flags_[i] |= kTitleBit;
    }
    // The gazetteer's longest match starting here: it needs only this token's hashes, and the
    // tokens it covers are not matched again.
    if (i >= gaz_next && gaz.names.MayStartWith(folded)) {
      int id = -1;
      const int end = gaz.names.Match(doc, i, exact, folded, &id);
      if (end >= 0) {
        gaz_matches_.push_back({i, end, id});
        uint8_t code = GazType(gaz.names.type(id));
        for (int j = i; j < end; ++j) gz_[j] = static_cast<uint8_t>(code * 2 + (j > i));
        gaz_next = end;
      }
    }
  }
  MatchKnowledgeBase();
}

void NerFeatures::MatchKnowledgeBase() {
  // A name starts at a capitalised word and spans at most kLongest tokens of one sentence,
  // one space or nothing between two of them.
  constexpr int kLongest = 8;
  const KnowledgeBase& kb = KnowledgeBase::Get();
  // The types of each name looked up (key: its exact hash), for the names a text repeats and
  // those of earlier texts: the knowledge base never changes, so they are kept from text to
  // text, until they are more than kNamesKept.
  constexpr size_t kNamesKept = 4096;
  thread_local FlatMap looked_up;
  if (looked_up.size() == 0 || looked_up.size() > kNamesKept) looked_up.Reset(64);
  const Document& doc = *doc_;
  const auto& tokens = doc.tokens;
  const int n = size();
  kb_matches_.clear();
  for (int i = 0; i < n;) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord || !t.upper_initial) {
      ++i;
      continue;
    }
    const int sent_last = t.sentence >= 0 ? doc.sentences[t.sentence].last : n;
    const int last = std::min(sent_last, i + kLongest);
    uint64_t h = folded_data_[i];  // Hash(kHashSeed, span text, true), extended token by token
    int end = -1;
    uint8_t types = 0;
    for (int j = i; j < last; ++j) {
      if (j > i) {
        const uint32_t gap = tokens[j].start - tokens[j - 1].end;
        if (gap > 1 || tokens[j].newline_before ||
            (gap == 1 && doc.text[tokens[j - 1].end] != ' '))
          break;
        h = Hash(h, doc.SpanText(tokens[j - 1].end, tokens[j].end), true);
      }
      if (kb.MayName(h)) {
        const std::string_view name = doc.SpanText(t.start, tokens[j].end);
        bool inserted;
        int32_t* named = looked_up.FindOrInsert(Hash(kHashSeed, name), 0, &inserted);
        if (inserted) *named = kb.TypesNamed(name);
        if (*named) {
          end = j + 1;
          types = static_cast<uint8_t>(*named);
        }
      }
      if (!kb.MayContinue(h)) break;
    }
    if (end < 0) {
      ++i;
      continue;
    }
    // Per token: the types, whether the name is one token, whether the token continues it.
    const uint8_t code = static_cast<uint8_t>(types << 2 | (end - i > 1) << 1);
    for (int j = i; j < end; ++j) kb_[j] = static_cast<uint8_t>(code | (j > i));
    kb_matches_.push_back({i, end, types});
    i = end;
  }
}

void NerFeatures::ForgetKnowledgeBaseMatches(uint32_t seed) {
  const int n = size();
  for (int i = 0; i < n; ++i) {
    if (kb_[i] == 0 || (kb_[i] & 1)) continue;  // not the first token of a match
    if (!(F(99, seed, static_cast<uint32_t>(i)) & 1)) continue;
    for (int j = i; j < n && kb_[j] != 0 && (j == i || (kb_[j] & 1)); ++j) kb_[j] = 0;
  }
}

// exact_[i] as Compute sets it.
uint64_t NerFeatures::ExactOf(int i) const {
  if (folded_.empty() && !doc_->tokens[i].capitals) return folded(i);  // Compute's have_folded
  uint64_t exact = kHashSeed;
  for (unsigned char c : doc_->TokenText(i)) exact = (exact ^ c) * kHashPrime;
  return exact;
}

void NerFeatures::ReleaseTaggerInputs() {
  std::vector<uint64_t>().swap(exact_);
  std::vector<uint32_t>().swap(shape_);
  for (auto* v : {&flags_, &gz_, &kb_})
    std::vector<uint8_t>().swap(*v);
}

void NerFeatures::Static(int i, std::vector<uint32_t>* out) const {
  uint32_t buf[kMaxStatic];
  const int count = Static(i, buf);
  out->insert(out->end(), buf, buf + count);
}

int NerFeatures::Static(int i, uint32_t* out) const {
  const int count = StaticOfWord(i, out);
  return count + StaticInContext(i, out + count);
}

int NerFeatures::StaticOfWord(int i, uint32_t* out) const {
  int count = 0;
  const Token& t = doc_->tokens[i];
  out[count++] = F(1, 0);
  out[count++] = F(2, word(i));
  const uint64_t exact_hash = exact(i);
  out[count++] = F(3, static_cast<uint32_t>(exact_hash ^ (exact_hash >> 32)));
  out[count++] = F(4, shape_[i]);
  out[count++] = F(70, case_[i], shape_[i]);
  if (t.kind == TokenKind::kWord) {
    const std::string_view f = doc_->TokenText(i);
    const unsigned char* const end = reinterpret_cast<const unsigned char*>(f.data()) + f.size();
    const size_t m = std::min<size_t>(4, f.size());
    uint64_t prefix = kHashSeed;  // S(f.substr(0, k), true), extended a byte at a time
    for (size_t k = 1; k <= m; ++k) {
      prefix = (prefix ^ kFold.to_lower[static_cast<unsigned char>(f[k - 1])]) * kHashPrime;
      out[count++] = F(5, static_cast<uint32_t>(k), static_cast<uint32_t>(prefix ^ (prefix >> 32)));
      uint64_t suffix = kHashSeed;  // S(f.substr(f.size() - k), true)
      for (const unsigned char* p = end - k; p < end; ++p)
        suffix = (suffix ^ kFold.to_lower[*p]) * kHashPrime;
      out[count++] = F(9, static_cast<uint32_t>(k), static_cast<uint32_t>(suffix ^ (suffix >> 32)));
    }
  }
  return count;
}

uint64_t NerFeatures::word_key(int i) const {
  // What StaticOfWord reads: the text (through its hash), the case of its initial (the shape)
  // and whether it is a word (the affixes).
  const Token& t = doc_->tokens[i];
  const uint64_t bits = (t.upper_initial ? 1u : 0u) | (t.kind == TokenKind::kWord ? 2u : 0u);
  return exact(i) ^ (bits * 0x9E3779B97F4A7C15ull);
}

inline NerFeatures::Window NerFeatures::WindowAt(int i) const {
  const Document& doc = *doc_;
  const uint32_t kNone = 0x6e6f6e65u;  // outside the sentence
  const Token& t = doc.tokens[i];
  const int sent_first = t.sentence >= 0 ? doc.sentences[t.sentence].first : 0;
  const int sent_last = t.sentence >= 0 ? doc.sentences[t.sentence].last : size();
  // sent_first <= j < sent_last in one comparison.
  const uint32_t sent_size = static_cast<uint32_t>(sent_last - sent_first);
  auto in = [&](int j) { return static_cast<uint32_t>(j - sent_first) < sent_size; };
  Window w;
  w.before = in(i - 1);
  w.after = in(i + 1);
  w.wi = word(i);
  w.si = shape_[i];
  w.w_1 = w.before ? word(i - 1) : kNone;
  w.w1 = w.after ? word(i + 1) : kNone;
  w.w_2 = in(i - 2) ? word(i - 2) : kNone;
  w.w2 = in(i + 2) ? word(i + 2) : kNone;
  w.s_1 = w.before ? shape_[i - 1] : kNone;
  w.s1 = w.after ? shape_[i + 1] : kNone;
  w.gi = gz_[i];
  w.g_1 = w.before ? gz_[i - 1] : 255u;
  w.g1 = w.after ? gz_[i + 1] : 255u;
  w.k_1 = w.before ? kb_[i - 1] : 255u;
  w.k1 = w.after ? kb_[i + 1] : 255u;
  w.given_1 = w.before ? Given(i - 1) : 2u;
  w.title_1 = w.before ? Title(i - 1) : 2u;
  w.kind = static_cast<uint32_t>(t.kind);
  w.kind_1 = w.before ? static_cast<uint32_t>(doc.tokens[i - 1].kind) : 9u;
  return w;
}

int NerFeatures::StaticInContext(int i, uint32_t* out) const {
  const Token& t = doc_->tokens[i];
  // Everything read first, into locals: a store to `out` could otherwise be taken to change
  // these arrays, and each would be read again after it.
  const auto [before, after, wi, si, w_1, w1, w_2, w2, s_1, s1, gi, g_1, g1, k_1, k1, given_1,
              title_1, kind, kind_1] = WindowAt(i);
  const uint32_t ki = kb_[i];
  const uint32_t first = IsFirst(i), caps = CapsSentence(i), headline = HeadlineCode(i);
  const uint32_t given = Given(i), title = Title(i);
  const uint32_t len = std::min<uint32_t>(t.end - t.start, 6), all_caps = t.all_caps;
  // Document evidence: is this word also written in lower case (a common word), or
  // capitalised mid-sentence (a name) elsewhere in the text? Decides headline and
  // sentence-initial words.
  const int32_t* seen = seen_.Find(wi);
  const uint32_t doc_code = seen ? static_cast<uint32_t>(*seen) : 0u;  // kSeenLower | kSeenCapMid
  uint32_t* o = out;  // at most 31 features
  *o++ = F(13, w_1);
  *o++ = F(14, w1);
  *o++ = F(15, w_2);
  *o++ = F(16, w2);
  *o++ = F(17, s_1);
  *o++ = F(18, s1);
  *o++ = F(19, w_1, wi);
  *o++ = F(20, wi, w1);
  *o++ = F(21, s_1, si, s1);
  *o++ = F(22, first, si);
  if (caps) *o++ = F(23, wi);
  *o++ = F(24, gi);
  *o++ = F(25, g_1);
  *o++ = F(26, g1);
  *o++ = F(27, gi, si);
  *o++ = F(28, given, si);
  *o++ = F(29, given_1, si);
  *o++ = F(30, title_1, si);
  *o++ = F(38, title, si);
  *o++ = F(31, doc_code, si, caps * 2u + first);
  *o++ = F(34, headline, si);
  *o++ = F(36, w_1, si);
  *o++ = F(37, si, w1);
  *o++ = F(40, kind, kind_1);
  *o++ = F(41, gi, w_1);
  *o++ = F(42, len, all_caps, headline);
  if (ki) {
    *o++ = F(60, ki);
    *o++ = F(61, ki, si);
  }
  *o++ = F(71, case_[i], first | caps << 1 | headline << 2);
  *o++ = F(62, k_1);
  *o++ = F(63, k1);
  return static_cast<int>(o - out);
}

uint64_t NerFeatures::token_key(int i) const {
  // What StaticInSentence reads besides the token's text (through word_key): where it stands
  // in its sentence, the sentence's flags and its gazetteer and knowledge base codes. Its other
  // inputs (the word and shape hashes, the given name and title flags, the length, all-caps,
  // the document evidence) follow from the text, the case of its initial and whether it is a
  // word.
  const uint64_t ctx = IsFirst(i) | CapsSentence(i) << 1 | HeadlineCode(i) << 2 | gz_[i] << 4 |
                       uint64_t{kb_[i]} << 8;
  return word_key(i) ^ ((ctx + 1) * kHashK2);
}

int NerFeatures::StaticInSentence(int i, uint32_t* out) const {
  const Token& t = doc_->tokens[i];
  const uint32_t wi = word(i), si = shape_[i], gi = gz_[i], ki = kb_[i];
  const uint32_t first = IsFirst(i), caps = CapsSentence(i), headline = HeadlineCode(i);
  const uint32_t given = Given(i), title = Title(i);
  const uint32_t len = std::min<uint32_t>(t.end - t.start, 6), all_caps = t.all_caps;
  const int32_t* seen = seen_.Find(wi);
  const uint32_t doc_code = seen ? static_cast<uint32_t>(*seen) : 0u;
  uint32_t* o = out;
  *o++ = F(22, first, si);
  if (caps) *o++ = F(23, wi);
  *o++ = F(24, gi);
  *o++ = F(27, gi, si);
  *o++ = F(28, given, si);
  *o++ = F(38, title, si);
  *o++ = F(31, doc_code, si, caps * 2u + first);
  *o++ = F(34, headline, si);
  *o++ = F(42, len, all_caps, headline);
  if (ki) {
    *o++ = F(60, ki);
    *o++ = F(61, ki, si);
  }
  *o++ = F(71, case_[i], first | caps << 1 | headline << 2);
  return static_cast<int>(o - out);
}

template <typename Emit>
void NerFeatures::EmitNeighbours(int i, Emit&& emit) const {
  const auto [before, after, wi, si, w_1, w1, w_2, w2, s_1, s1, gi, g_1, g1, k_1, k1, given_1,
              title_1, kind, kind_1] = WindowAt(i);
  emit(F(13, w_1));
  emit(F(14, w1));
  emit(F(15, w_2));
  emit(F(16, w2));
  emit(F(17, s_1));
  emit(F(18, s1));
  emit(F(19, w_1, wi));
  emit(F(20, wi, w1));
  emit(F(21, s_1, si, s1));
  emit(F(25, g_1));
  emit(F(26, g1));
  emit(F(29, given_1, si));
  emit(F(30, title_1, si));
  emit(F(36, w_1, si));
  emit(F(37, si, w1));
  emit(F(40, kind, kind_1));
  emit(F(41, gi, w_1));
  emit(F(62, k_1));
  emit(F(63, k1));
}

int NerFeatures::StaticOfNeighbours(int i, uint32_t* out) const {
  uint32_t* o = out;
  EmitNeighbours(i, [&o](uint32_t bucket) { *o++ = bucket; });
  return static_cast<int>(o - out);
}

void NerState::Set(const NerFeatures& f, int i, int tag) {
  tags[i] = static_cast<uint8_t>(tag);
  if (f.capitalised(i) && f.reliable(i))
    last_class.Insert(f.word(i), tag == 0 ? 0 : 1 + TagClass(tag), true);
}

void NerDynamicFeatures(const NerFeatures& f, const NerState& s, int i,
                        std::vector<uint32_t>* out) {
  uint32_t buf[kMaxDynamic];
  const int count = NerDynamicFeatures(f, s, i, buf);
  out->insert(out->end(), buf, buf + count);
}

int NerDynamicFeatures(const NerFeatures& f, const NerState& s, int i, uint32_t* out) {
  const uint32_t prev = i > 0 ? s.tags[i - 1] : 99u;
  const uint32_t prev2 = i > 1 ? s.tags[i - 2] : 99u;
  const uint32_t word = f.word(i), shape = f.shape(i);  // read before any store to out
  const int32_t* last = s.last_class.Find(word);
  const uint32_t hist = last ? static_cast<uint32_t>(*last) : 9u;
  DynamicOfPrevious(prev, prev2, out);
  DynamicOfWord(prev, hist, word, shape, out + 2);
  return 6;
}

bool NerOutside(const NerFeatures& f, int prev, int i) {
  return prev == 0 && f.plain(i);
}

bool NerModel::Load(std::string_view b) {
  weights_.reset();
  if (b.size() < 16 || b.substr(0, 6) != "PLNER1") return false;
  if (static_cast<uint8_t>(b[6]) != kHashBits || static_cast<uint8_t>(b[7]) != kNumTags) return false;
  uint32_t rows;
  std::memcpy(&rows, b.data() + 12, 4);
  const unsigned char* const data = reinterpret_cast<const unsigned char*>(b.data());
  std::unique_ptr<uint8_t[]> w =
      DecodeWeightRows(data + 16, data + b.size(), rows, kHashMask + 1, kNumTags, kRow - kStride);
  if (!w) return false;
  weights_ = std::move(w);
  static std::atomic<uint64_t> loads{0};
  generation_ = ++loads;
  return true;
}

std::string NerModel::Serialize(const std::vector<float>& weights, float scale) {
  uint32_t count = 0;
  const std::string rows = EncodeWeightRows(weights, kHashMask + 1, kNumTags, scale, &count);
  std::string out = "PLNER1";
  out += static_cast<char>(kHashBits);
  out += static_cast<char>(kNumTags);
  out.append(reinterpret_cast<const char*>(&scale), 4);
  out.append(reinterpret_cast<const char*>(&count), 4);
  return out + rows;
}

namespace {

// Sums of weight rows, per tag: byte lanes (ByteLaneSums, weight_rows.h) on a little-endian
// machine, a sum per tag elsewhere. A token adds at most 56 rows.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
struct RowSums : ByteLaneSums {
  void Scores(int rows, int bias, int* score) const {
    const Lanes low = Low();
    for (int t = 0; t < kNumTags; ++t) score[t] = (t % 2 ? high[t / 2] : low[t / 2]) - bias * rows;
  }
};
#else
struct RowSums {
  int sum[kNumTags] = {};
  void Add(const uint8_t* row) {
    for (int t = 0; t < kNumTags; ++t) sum[t] += row[t];
  }
  void Add(const RowSums& o) {
    for (int t = 0; t < kNumTags; ++t) sum[t] += o.sum[t];
  }
  void Scores(int rows, int bias, int* score) const {
    for (int t = 0; t < kNumTags; ++t) score[t] = sum[t] - bias * rows;
  }
};
#endif

}  // namespace

namespace {
// Adds the rows of token i's neighbour features (rows kNumTags bytes apart, NerModel's
// kStride) to *sums; returns their count. Out of line, off the tagger's loop
// (PRESSLENS_OUT_OF_LINE, document.h).
PRESSLENS_OUT_OF_LINE int AddNeighbourRows(const NerFeatures& f, int i, const uint8_t* weights,
                                           RowSums* sums) {
  int count = 0;
  RowSums local = *sums;
  f.EmitNeighbours(i, [&](uint32_t bucket) {
    local.Add(weights + static_cast<size_t>(bucket) * kNumTags);
    ++count;
  });
  *sums = local;
  return count;
}
}  // namespace

void NerModel::Tag(const NerFeatures& f, NerState* s) const {
  const int n = f.size();
  s->tags.assign(n, 0);
  // Sized up front like NerFeatures' maps: it holds the text's capitalised words.
  s->last_class.Reset(std::min(n / 8 + 64, 16384));
  if (!weights_) return;
  // The rows of a token's own features are summed once per distinct token: StaticOfWord per
  // word_key, and with StaticInSentence per token_key (capitalised words and names, the
  // tokens scored, recur in a text). With them, per token_key, the sum of its DynamicOfWord
  // rows for the last (previous tag, last class) it was scored with: mostly the same again.
  struct WordSums {
    RowSums sums;
    int rows;
  };
  struct TokenSums {
    RowSums sums;  // StaticOfWord and StaticInSentence
    RowSums dynamic;  // DynamicOfWord for dynamic_key
    int rows;
    uint32_t dynamic_key;  // previous tag << 8 | last class, or kNoKey
  };
  constexpr uint32_t kNoKey = ~0u;
  // One of each per thread, reused from text to text (no allocation per call).
  thread_local std::vector<WordSums> word_sums;
  thread_local std::vector<TokenSums> token_sums;
  thread_local FlatMap word_index;   // NerFeatures::word_key -> index in word_sums
  thread_local FlatMap token_index;  // NerFeatures::token_key -> index in token_sums
  const size_t expect = std::min(n / 8 + 16, 16384);
  // The word sums outlive the text: they depend on nothing but the word (word_key) and the
  // weights, so a text reuses those of the words earlier texts had. They start afresh for
  // another model, and once they hold more than kWordsKept words (a long text's vocabulary
  // is not kept).
  constexpr size_t kWordsKept = 16384;
  thread_local uint64_t words_of = 0;  // generation_ of the model word_sums were summed from
  if (words_of != generation_ || word_sums.size() > kWordsKept) {
    words_of = generation_;
    if (word_sums.capacity() > 65536) std::vector<WordSums>().swap(word_sums);
    word_sums.clear();
    word_index.Reset(std::min(n / 8 + 64, 16384));
    word_sums.reserve(expect);
  } else {
    word_index.Reserve(std::min(n / 8 + 64, 16384));
  }
  token_index.Reset(std::min(n / 8 + 64, 16384));
  if (token_sums.capacity() > 65536) std::vector<TokenSums>().swap(token_sums);  // a long text's
  token_sums.clear();
  token_sums.reserve(expect);
  // DynamicOfPrevious sums by the previous two tags (each 0..8, or 99 before the text:
  // index 9), made when first needed.
  RowSums previous_sums[10 * 10];
  bool have_previous[10 * 10] = {};
  uint32_t feats[NerFeatures::kMaxStatic + kMaxDynamic];
  const uint8_t* const weights = weights_.get();
  auto row = [weights](uint32_t bucket) { return weights + static_cast<size_t>(bucket) * kStride; };
  uint8_t* const tags = s->tags.data();
  for (int i = 0; i < n; ++i) {
    const int prev = i > 0 ? tags[i - 1] : 0;
    if (NerOutside(f, prev, i)) continue;  // tags[i] stays O
    bool inserted;
    const int32_t at = *token_index.FindOrInsert(f.token_key(i),
                                                 static_cast<int32_t>(token_sums.size()), &inserted);
    if (inserted) {
      const int32_t w = *word_index.FindOrInsert(f.word_key(i),
                                                 static_cast<int32_t>(word_sums.size()), &inserted);
      if (inserted) {
        WordSums ws;
        ws.rows = f.StaticOfWord(i, feats);
        for (int k = 0; k < ws.rows; ++k) ws.sums.Add(row(feats[k]));
        word_sums.push_back(ws);
      }
      TokenSums ts;
      ts.sums = word_sums[w].sums;
      const int count = f.StaticInSentence(i, feats);
      for (int k = 0; k < count; ++k) ts.sums.Add(row(feats[k]));
      ts.rows = word_sums[w].rows + count;
      ts.dynamic_key = kNoKey;
      token_sums.push_back(ts);
    }
    TokenSums& ts = token_sums[at];
    RowSums sums = ts.sums;
    const int count = AddNeighbourRows(f, i, weights, &sums);
    // The dynamic features, as NerDynamicFeatures computes them.
    const uint32_t prev1 = i > 0 ? tags[i - 1] : 99u, prev2 = i > 1 ? tags[i - 2] : 99u;
    const int p = (prev2 == 99u ? 9 : static_cast<int>(prev2)) * 10 + (prev1 == 99u ? 9 : static_cast<int>(prev1));
    if (!have_previous[p]) {
      have_previous[p] = true;
      uint32_t b[2];
      DynamicOfPrevious(prev1, prev2, b);
      previous_sums[p] = RowSums();
      previous_sums[p].Add(row(b[0]));
      previous_sums[p].Add(row(b[1]));
    }
    sums.Add(previous_sums[p]);
    const int32_t* last = s->last_class.Find(f.word(i));
    const uint32_t hist = last ? static_cast<uint32_t>(*last) : 9u;
    const uint32_t dynamic_key = prev1 << 8 | hist;
    if (ts.dynamic_key != dynamic_key) {
      ts.dynamic_key = dynamic_key;
      uint32_t b[4];
      DynamicOfWord(prev1, hist, f.word(i), f.shape(i), b);
      ts.dynamic = RowSums();
      for (int k = 0; k < 4; ++k) ts.dynamic.Add(row(b[k]));
    }
    sums.Add(ts.dynamic);
    int score[kNumTags];
    sums.Scores(ts.rows + count + 6, kBias, score);
    int best = 0;
    for (int t = 1; t < kNumTags; ++t)
      if (TagAllowed(prev, t) && score[t] > score[best]) best = t;
    s->Set(f, i, best);
  }
}

}  // namespace presslens
