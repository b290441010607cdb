#include "syntax/pos_tagger.h"

#include <algorithm>

namespace presslens {
namespace syntax {

int TaggerFeatures(const SentenceWords& w, int i, int prev, int prev2, const int* first,
                   uint64_t* out) {
  const int n = w.size();
  auto form = [&](int k) -> uint64_t { return k < 0 ? 1 : k >= n ? 2 : w.form[k]; };
  auto shape = [&](int k) -> uint64_t { return k < 0 ? 1 : k >= n ? 2 : w.shape[k]; };
  auto suffix3 = [&](int k) -> uint64_t { return k < 0 ? 1 : k >= n ? 2 : w.suffix[2][k]; };
  const uint64_t p1 = static_cast<uint64_t>(prev + 1), p2 = static_cast<uint64_t>(prev2 + 1);
  int c = 0;
  out[c++] = Feature(0, 0);
  out[c++] = Feature(1, w.form[i]);
  out[c++] = Feature(2, w.shape[i]);
  for (int k = 0; k < 3; ++k) out[c++] = Feature(3 + k, w.prefix[k][i]);
  for (int k = 0; k < 4; ++k) out[c++] = Feature(6 + k, w.suffix[k][i]);
  out[c++] = Feature(10, w.flags[i]);
  out[c++] = Feature(11, form(i - 1));
  out[c++] = Feature(12, form(i - 2));
  out[c++] = Feature(13, form(i + 1));
  out[c++] = Feature(14, form(i + 2));
  out[c++] = Feature(15, suffix3(i - 1));
  out[c++] = Feature(16, suffix3(i + 1));
  out[c++] = Feature(17, shape(i + 1));
  out[c++] = Feature(18, shape(i - 1));
  out[c++] = Feature(19, p1);
  out[c++] = Feature(20, p1, p2);
  out[c++] = Feature(21, p1, w.form[i]);
  out[c++] = Feature(22, p1, w.suffix[2][i]);
  out[c++] = Feature(23, w.form[i], form(i + 1));
  out[c++] = Feature(24, form(i - 1), w.form[i]);
  out[c++] = Feature(25, p1, form(i + 1));
  out[c++] = Feature(26, w.suffix[2][i], w.shape[i]);
  out[c++] = Feature(27, form(i + 1), form(i + 2));
  out[c++] = Feature(28, p1, shape(i + 1));
  out[c++] = Feature(29, w.form[i], suffix3(i + 1));
  out[c++] = Feature(30, w.cased[i]);
  auto cased = [&](int k) -> uint64_t { return k < 0 ? 1 : k >= n ? 2 : w.cased[k]; };
  out[c++] = Feature(37, cased(i - 1), w.cased[i]);
  out[c++] = Feature(38, w.cased[i], cased(i + 1));
  out[c++] = Feature(39, form(i - 1), form(i + 1));
  out[c++] = Feature(40, shape(i - 1), w.shape[i], shape(i + 1));
  out[c++] = Feature(41, p1, w.suffix[1][i], shape(i + 1));
  out[c++] = Feature(42, p1, p2, w.form[i]);
  if (w.classed) {
    auto fine = [&](int k) -> uint64_t { return k < 0 ? 1000 : k >= n ? 1001 : w.fine[k]; };
    out[c++] = Feature(43, w.fine[i]);
    out[c++] = Feature(44, w.coarse[i]);
    out[c++] = Feature(45, fine(i + 1));
    out[c++] = Feature(46, fine(i - 1));
    out[c++] = Feature(47, w.fine[i], w.suffix[1][i]);
  }
  if (first) {
    auto t = [&](int k) -> uint64_t { return k >= n ? 1000 : static_cast<uint64_t>(first[k]); };
    out[c++] = Feature(31, t(i));
    out[c++] = Feature(32, t(i + 1));
    out[c++] = Feature(33, t(i + 1), t(i + 2));
    out[c++] = Feature(34, p1, t(i + 1));
    out[c++] = Feature(35, w.form[i], t(i + 1));
    out[c++] = Feature(36, t(i), w.form[i]);
  }
  return c;
}

void TagPass(const LinearModel& model, const SentenceWords& w, const int* first,
             std::vector<int>* tags) {
  const int n = w.size(), classes = model.classes();
  tags->assign(n, 0);
  uint64_t feats[kMaxTaggerFeatures];
  std::vector<float> scores(classes);
  int prev = -1, prev2 = -1;
  for (int i = 0; i < n; ++i) {
    const int count = TaggerFeatures(w, i, prev, prev2, first, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.Score(feats, count, scores.data());
    int best = 0;
    for (int c = 1; c < classes; ++c)
      if (scores[c] > scores[best]) best = c;
    (*tags)[i] = best;
    prev2 = prev;
    prev = best;
  }
}

void TagSentence(const SyntaxModel& model, const SentenceWords& w, std::vector<int>* tags,
                 std::vector<int>* upos) {
  TagPass(model.tagger(), w, nullptr, tags);
  if (model.feature_set() == SyntaxModel::kCompactFeatures) {
    upos->resize(tags->size());
    for (size_t i = 0; i < tags->size(); ++i) (*upos)[i] = model.tag_upos_index()[(*tags)[i]];
    return;
  }
  TagPass(model.retagger(), w, tags->data(), upos);
}

}  // namespace syntax
}  // namespace presslens
