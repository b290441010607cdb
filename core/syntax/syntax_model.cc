#include "syntax/syntax_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "bytes.h"

namespace presslens {
namespace syntax {
namespace {

constexpr char kMagic[] = "PLSYN3";

bool ReadNames(std::string_view b, size_t* pos, std::vector<std::string>* names) {
  if (*pos + 2 > b.size()) return false;
  const int n = static_cast<uint8_t>(b[*pos]) | static_cast<uint8_t>(b[*pos + 1]) << 8;
  *pos += 2;
  names->clear();
  for (int i = 0; i < n; ++i) {
    const size_t end = b.find('\0', *pos);
    if (end == std::string_view::npos) return false;
    names->emplace_back(b.substr(*pos, end - *pos));
    *pos = end + 1;
  }
  return true;
}

void WriteNames(const std::vector<std::string>& names, std::string* out) {
  out->push_back(static_cast<char>(names.size() & 0xff));
  out->push_back(static_cast<char>(names.size() >> 8));
  for (const std::string& s : names) {
    out->append(s);
    out->push_back('\0');
  }
}

// Appends the UTF-8 bytes of code point `cp` as its normalised form.
void AppendNormalized(uint32_t cp, std::string* out) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
      out->push_back('\''); return;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033:
      out->push_back('"'); return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
      out->push_back('-'); return;
    case 0x2014: case 0x2015:
      out->append("--"); return;
    case 0x2026:
      out->append("..."); return;
    default: break;
  }
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
    out->push_back(c);
  } else if (cp < 0x800) {
    // Latin-1 and Latin Extended-A capitals fold to lower case where the rule is regular.
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20;
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// Decodes the code point at s[*i] (advancing *i); invalid bytes read as themselves.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (*i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
  for (int k = 1; k < len; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[*i + k]);
    if ((d & 0xC0) != 0x80) {
      len = 1;
      cp = c;
      break;
    }
    cp = cp << 6 | (d & 0x3f);
  }
  *i += len;
  return cp;
}

bool IsUpper(uint32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7); }
bool IsLower(uint32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7); }

}  // namespace

bool ReadVarint(std::string_view b, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*pos >= b.size()) return false;
    const uint8_t c = static_cast<uint8_t>(b[(*pos)++]);
    *v |= static_cast<uint64_t>(c & 0x7f) << shift;
    if (!(c & 0x80)) return true;
  }
  return false;
}

void WriteVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

uint64_t HashBytes(std::string_view s) {
  const uint64_t h = Hash(kHashSeed, s);
  return h ? h : 1;
}

std::string NormalizedForm(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) AppendNormalized(NextCodePoint(word, &i), &out);
  return out;
}

void WordClasses::Index() {
  size_t slots = 16;
  while (slots < 2 * words_.size()) slots <<= 1;
  keys_.assign(slots, 0);
  values_.assign(slots, 0);
  for (size_t i = 0; i < words_.size(); ++i) {
    const uint64_t h = HashBytes(words_[i]);
    size_t s = (h * 0x9E3779B97F4A7C15ull) >> 20 & (slots - 1);
    while (values_[s] != 0 && keys_[s] != h) s = (s + 1) & (slots - 1);
    if (values_[s] != 0) continue;  // a repeated word keeps its first classes
    keys_[s] = h;
    values_[s] = static_cast<uint32_t>(i + 1);
  }
}

void WordClasses::Lookup(uint64_t form_hash, uint16_t* coarse, uint16_t* fine) const {
  *coarse = *fine = 0;
  if (words_.empty()) return;
  const size_t mask = keys_.size() - 1;
  for (size_t s = (form_hash * 0x9E3779B97F4A7C15ull) >> 20 & mask; values_[s] != 0; s = (s + 1) & mask) {
    if (keys_[s] != form_hash) continue;
    *coarse = static_cast<uint16_t>(coarse_[values_[s] - 1] + 1);
    *fine = static_cast<uint16_t>(fine_[values_[s] - 1] + 1);
    return;
  }
}

bool WordClasses::Read(std::string_view b, size_t* pos) {
  uint64_t n;
  if (!ReadVarint(b, pos, &n) || n > b.size()) return false;
  words_.clear();
  for (uint64_t i = 0; i < n; ++i) {
    const size_t end = b.find('\0', *pos);
    if (end == std::string_view::npos) return false;
    words_.emplace_back(b.substr(*pos, end - *pos));
    *pos = end + 1;
  }
  if (*pos + 2 * n > b.size()) return false;
  coarse_.assign(b.begin() + *pos, b.begin() + *pos + n);
  fine_.assign(b.begin() + *pos + n, b.begin() + *pos + 2 * n);
  *pos += 2 * n;
  Index();
  return true;
}

void WordClasses::Write(const std::vector<std::string>& words, const std::vector<uint8_t>& coarse,
                        const std::vector<uint8_t>& fine, std::string* out) {
  // In order of fine class, then spelling: the class bytes run and the words of a class share
  // more, so the section compresses a fifth better.
  std::vector<size_t> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return fine[a] != fine[b] ? fine[a] < fine[b] : words[a] < words[b];
  });
  WriteVarint(words.size(), out);
  for (size_t i : order) {
    out->append(words[i]);
    out->push_back('\0');
  }
  for (size_t i : order) out->push_back(static_cast<char>(coarse[i]));
  for (size_t i : order) out->push_back(static_cast<char>(fine[i]));
}

void SentenceWords::Compute(const std::vector<std::string_view>& words, const WordClasses* classes) {
  const int n = static_cast<int>(words.size());
  form.assign(n, 0);
  coarse.assign(n, 0);
  fine.assign(n, 0);
  classed = classes && !classes->empty();
  cased.assign(n, 0);
  shape.assign(n, 0);
  for (auto& v : prefix) v.assign(n, 0);
  for (auto& v : suffix) v.assign(n, 0);
  flags.assign(n, 0);
  // A line in capitals: at least two words with letters, none with a lower-case letter.
  int lettered = 0, lower = 0;
  for (std::string_view w : words) {
    bool letters = false, low = false;
    for (size_t i = 0; i < w.size();) {
      const uint32_t cp = NextCodePoint(w, &i);
      letters = letters || IsUpper(cp) || IsLower(cp);
      low = low || IsLower(cp);
    }
    lettered += letters;
    lower += low;
  }
  const bool caps_line = lettered >= 2 && lower == 0;
  std::string shape_text;
  std::vector<size_t> starts;
  for (int k = 0; k < n; ++k) {
    const std::string_view w = words[k];
    const std::string norm = NormalizedForm(w);
    form[k] = HashBytes(norm);
    if (classes) classes->Lookup(form[k], &coarse[k], &fine[k]);
    cased[k] = form[k];
    if (!caps_line) {
      std::string with_case = norm;
      for (size_t j = 0; j < w.size() && j < with_case.size(); ++j)
        if (w[j] >= 'A' && w[j] <= 'Z' && with_case[j] == w[j] - 'A' + 'a') with_case[j] = w[j];
      cased[k] = HashBytes(with_case) ^ 0x5bd1e995;
    }
    // Shape: X, x, d or the character itself, runs collapsed, at most 6 characters.
    shape_text.clear();
    uint8_t f = k == 0 ? kFirst : 0;
    char last = 0;
    size_t i = 0;
    bool first_char = true;
    while (i < w.size() && shape_text.size() < 6) {
      const uint32_t cp = NextCodePoint(w, &i);
      char c;
      if (IsUpper(cp)) {
        c = caps_line ? 'x' : 'X';
        if (first_char && !caps_line) f |= kCap;
      } else if (IsLower(cp) || cp >= 0x100) {
        c = 'x';
      } else if (cp >= '0' && cp <= '9') {
        c = 'd';
        f |= kDigit;
      } else {
        std::string p;
        AppendNormalized(cp, &p);
        c = p.empty() ? '?' : p[0];
        if (c == '-') f |= kHyphen;
      }
      first_char = false;
      if (c == last && (c == 'x' || c == 'X' || c == 'd')) continue;
      shape_text.push_back(c);
      last = c;
    }
    shape[k] = HashBytes(shape_text);
    flags[k] = f;
    // Prefixes and suffixes by code point.
    starts.clear();
    for (size_t j = 0; j < norm.size();) {
      starts.push_back(j);
      NextCodePoint(norm, &j);
    }
    const size_t chars = starts.size();
    for (int len = 1; len <= 3; ++len) {
      const size_t end = static_cast<size_t>(len) < chars ? starts[len] : norm.size();
      prefix[len - 1][k] = HashBytes(std::string_view(norm).substr(0, end)) + len;
    }
    for (int len = 1; len <= 4; ++len) {
      const size_t begin = static_cast<size_t>(len) < chars ? starts[chars - len] : 0;
      suffix[len - 1][k] = HashBytes(std::string_view(norm).substr(begin)) + 7 * len;
    }
  }
}

namespace {

// The weight of each code byte: bit 7 the sign, the rest the level, 1..kLevels (0 and higher
// levels = no weight); level k is lo * (hi / lo)^((k - 1) / (kLevels - 1)). Few levels keep
// the model's accuracy and compress better than 127.
constexpr int kLevels = 31;
void CodeBook(float lo, float hi, float* value) {
  const double ratio =
      hi > lo && lo > 0 ? std::pow(static_cast<double>(hi) / lo, 1.0 / (kLevels - 1)) : 1;
  std::fill(value, value + 256, 0.0f);
  double m = lo;
  for (int k = 1; k <= kLevels; ++k, m *= ratio) {
    value[k] = static_cast<float>(m);
    value[128 + k] = static_cast<float>(-m);
  }
}

}  // namespace

void LinearModel::Score(const uint64_t* features, int n, float* scores) const {
  if (classes_ == 0) return;
  const uint8_t* rows = rows_.data();
  const Slot* slots = slots_.data();
  // Passes so the memory reads of all features are in flight together: the home slots, then
  // the rows found (directly, for a small model), then the sums.
  uint32_t found[kMaxFeatures];
  n = n < kMaxFeatures ? n : kMaxFeatures;
  int m = 0;
  if (!direct_.empty()) {
    for (; m < n; ++m) {
      found[m] = direct_[features[m] & mask_];
      __builtin_prefetch(rows + found[m]);
    }
  } else {
    for (int k = 0; k < n; ++k) {
      const uint32_t bucket = static_cast<uint32_t>(features[k] & mask_) + 1;
      found[k] = static_cast<uint32_t>((bucket * 0x9E3779B1u) & slot_mask_);
      __builtin_prefetch(slots + found[k]);
    }
    for (int k = 0; k < n; ++k) {
      const uint32_t bucket = static_cast<uint32_t>(features[k] & mask_) + 1;
      for (uint64_t s = found[k];; s = (s + 1) & slot_mask_) {
        const uint32_t b = slots[s].bucket;
        if (b == bucket) {
          found[m++] = slots[s].offset;
          __builtin_prefetch(rows + slots[s].offset);
          break;
        }
        if (b == 0) break;
      }
    }
  }
  // The rows' pairs are copied end to end in blocks of kPad bytes and summed in one loop: a
  // loop per row would mispredict its exit once per row.
  constexpr int kBuffer = 4096;
  alignas(16) uint8_t pairs[kBuffer + kPad];
  int used = 0;
  for (int k = 0; k <= m; ++k) {
    const int bytes = k < m ? 2 * rows[found[k]] : 0;
    if (k == m || used + bytes > kBuffer) {
      for (int j = 0; j < used; j += 2) scores[pairs[j]] += value_[pairs[j + 1]];
      used = 0;
      if (k == m) break;
    }
    const uint8_t* r = rows + found[k] + 1;
    for (int j = 0; j < bytes; j += kPad) std::memcpy(pairs + used + j, r + j, kPad);
    used += bytes;
  }
}

bool LinearModel::Read(std::string_view b, size_t* pos) {
  uint64_t classes, bits, rows;
  if (!ReadVarint(b, pos, &classes) || !ReadVarint(b, pos, &bits)) return false;
  if (classes == 0 || classes > 256 || bits == 0 || bits > 31 || *pos + 8 > b.size()) return false;
  float lo, hi;
  std::memcpy(&lo, b.data() + *pos, 4);
  std::memcpy(&hi, b.data() + *pos + 4, 4);
  *pos += 8;
  if (!(lo >= 0) || !(hi >= lo) || !std::isfinite(hi)) return false;
  if (!ReadVarint(b, pos, &rows) || rows > (1ull << bits)) return false;
  // The streams: bucket deltas (varints), then a count byte per row, then the class bytes of
  // all rows, then their code bytes.
  std::vector<uint32_t> buckets(rows);
  uint64_t bucket = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    uint64_t delta;
    if (!ReadVarint(b, pos, &delta)) return false;
    bucket += delta;
    if (bucket >> bits || (r > 0 && delta == 0)) return false;
    buckets[r] = static_cast<uint32_t>(bucket);
  }
  if (*pos + rows > b.size()) return false;
  const uint8_t* counts = reinterpret_cast<const uint8_t*>(b.data()) + *pos;
  *pos += rows;
  size_t entries = 0;
  for (uint64_t r = 0; r < rows; ++r) entries += counts[r];
  if (*pos + 2 * entries > b.size()) return false;
  const uint8_t* cls = reinterpret_cast<const uint8_t*>(b.data()) + *pos;
  const uint8_t* codes = cls + entries;
  *pos += 2 * entries;
  uint64_t slots = 16;
  while (slots < 2 * rows) slots <<= 1;
  const bool direct = bits <= kDirectBits;
  std::vector<Slot> table(direct ? 0 : slots, Slot{0, 0});
  std::vector<uint32_t> offsets(direct ? size_t{1} << bits : 0, 0);
  std::vector<uint8_t> data;
  data.reserve(1 + rows + 2 * entries);
  if (direct) data.push_back(0);  // the empty row
  size_t e = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    if (direct) {
      offsets[buckets[r]] = static_cast<uint32_t>(data.size());
    } else {
      const uint32_t key = buckets[r] + 1;
      uint64_t s = (key * 0x9E3779B1u) & (slots - 1);
      while (table[s].bucket != 0) s = (s + 1) & (slots - 1);
      table[s].bucket = key;
      table[s].offset = static_cast<uint32_t>(data.size());
    }
    data.push_back(counts[r]);
    for (int j = 0; j < counts[r]; ++j, ++e) {
      if (cls[e] >= classes) return false;
      data.push_back(cls[e]);
      data.push_back(codes[e]);
    }
  }
  classes_ = static_cast<int>(classes);
  mask_ = (1ull << bits) - 1;
  CodeBook(lo, hi, value_);
  slots_ = std::move(table);
  slot_mask_ = direct ? 0 : slots - 1;
  direct_ = std::move(offsets);
  data.resize(data.size() + kPad, 0);
  rows_ = std::move(data);
  return true;
}

void LinearModel::Write(const std::vector<float>& weights, int classes, int bucket_bits,
                        size_t keep, std::string* out) {
  const float lo = KeepThreshold(weights, keep);
  float hi = 0;
  for (float x : weights) hi = std::max(hi, std::fabs(x));
  const double log_lo = std::log(std::max(lo, 1e-30f));
  const double step =
      hi > lo && lo > 0 ? std::log(static_cast<double>(hi) / lo) / (kLevels - 1) : 1;
  WriteVarint(static_cast<uint64_t>(classes), out);
  WriteVarint(static_cast<uint64_t>(bucket_bits), out);
  char f[8];
  std::memcpy(f, &lo, 4);
  std::memcpy(f + 4, &hi, 4);
  out->append(f, 8);
  const size_t buckets = size_t{1} << bucket_bits;
  std::string deltas, counts, cls, codes;
  uint64_t rows = 0, last = 0;
  for (size_t bkt = 0; bkt < buckets; ++bkt) {
    int count = 0;
    for (int c = 0; c < classes; ++c) {
      const float x = weights[bkt * classes + c];
      if (x == 0 || std::fabs(x) < lo) continue;
      long level = 1 + std::lround((std::log(std::fabs(x)) - log_lo) / step);
      level = level < 1 ? 1 : level > kLevels ? kLevels : level;
      cls.push_back(static_cast<char>(c));
      codes.push_back(static_cast<char>(level | (x < 0 ? 128 : 0)));
      ++count;
    }
    if (count == 0) continue;
    WriteVarint(bkt - last, &deltas);
    last = bkt;
    counts.push_back(static_cast<char>(count));
    ++rows;
  }
  WriteVarint(rows, out);
  out->append(deltas);
  out->append(counts);
  out->append(cls);
  out->append(codes);
}

float LinearModel::KeepThreshold(const std::vector<float>& weights, size_t keep) {
  std::vector<float> mags;
  for (float x : weights)
    if (x != 0) mags.push_back(std::fabs(x));
  if (mags.empty()) return 0;
  if (keep == 0 || keep > mags.size()) keep = mags.size();
  std::nth_element(mags.begin(), mags.begin() + (mags.size() - keep), mags.end());
  return mags[mags.size() - keep];
}

bool SyntaxModel::Load(std::string_view bytes) {
  *this = SyntaxModel();
  const size_t magic = sizeof(kMagic) - 1;
  if (bytes.size() < magic || bytes.substr(0, magic) != kMagic) return false;
  size_t pos = magic;
  SyntaxModel m;
  if (pos >= bytes.size()) return false;
  m.beam_ = static_cast<uint8_t>(bytes[pos++]);
  if (m.beam_ < 1 || pos >= bytes.size()) return false;
  m.feature_set_ = static_cast<uint8_t>(bytes[pos++]);
  if (m.feature_set_ > kCompactFeatures) return false;
  if (!ReadNames(bytes, &pos, &m.tags_) || !ReadNames(bytes, &pos, &m.labels_) ||
      !m.classes_.Read(bytes, &pos))
    return false;
  if (!m.tagger_.Read(bytes, &pos) || !m.retagger_.Read(bytes, &pos) ||
      !m.parser_.Read(bytes, &pos) || pos != bytes.size())
    return false;
  for (const std::string& t : m.tags_) {
    const size_t sp = t.find(' ');
    m.tag_upos_.push_back(t.substr(0, sp));
    m.xpos_.push_back(sp == std::string::npos ? "" : t.substr(sp + 1));
    bool seen = false;
    for (const std::string& u : m.upos_) seen = seen || u == m.tag_upos_.back();
    if (!seen) m.upos_.push_back(m.tag_upos_.back());
  }
  for (const std::string& u : m.tag_upos_)
    m.tag_upos_index_.push_back(static_cast<int>(std::find(m.upos_.begin(), m.upos_.end(), u) - m.upos_.begin()));
  if (m.tagger_.classes() != static_cast<int>(m.tags_.size()) ||
      m.retagger_.classes() != static_cast<int>(m.upos_.size()) ||
      m.parser_.classes() != 2 + 2 * static_cast<int>(m.labels_.size()))
    return false;
  *this = std::move(m);
  return true;
}

int SyntaxModel::Label(std::string_view name) const {
  for (size_t i = 0; i < labels_.size(); ++i)
    if (labels_[i] == name) return static_cast<int>(i);
  return -1;
}

int SyntaxModel::Tag(std::string_view upos_xpos) const {
  for (size_t i = 0; i < tags_.size(); ++i)
    if (tags_[i] == upos_xpos) return static_cast<int>(i);
  return -1;
}

std::string SyntaxModel::Header(int beam, const std::vector<std::string>& tags,
                                const std::vector<std::string>& labels, const std::string& classes,
                                int feature_set) {
  std::string out(kMagic);
  out.push_back(static_cast<char>(beam));
  out.push_back(static_cast<char>(feature_set));
  WriteNames(tags, &out);
  WriteNames(labels, &out);
  if (classes.empty()) WriteVarint(0, &out);
  out.append(classes);
  return out;
}

}  // namespace syntax
}  // namespace presslens
