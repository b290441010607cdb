// The averaged perceptron's bookkeeping that the taggers' trainers share (train_ner for
// core/ner_model.h, train_attributions for core/attribution_model.h): dense weight rows of
// `classes` floats per feature bucket, averaged lazily; exact-span F1 counts; and the int8
// scale chosen at a quantile of the weights' magnitudes.
//
//   AveragedPerceptron p(buckets, classes);
//   for each decision: p.Tick(); if wrong, p.Update(b, gold, 1), p.Update(b, pred, -1) per feature b
//   std::vector<float> avg = p.Averaged();   // after each epoch, to score held-out text
//
// tools/train_syntax.cc keeps its own Perceptron: it averages with a float running sum, can
// prune and retrain, and its models are written from that arithmetic.
#ifndef PRESSLENS_TOOLS_PERCEPTRON_H_
#define PRESSLENS_TOOLS_PERCEPTRON_H_

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace presslens {

// Weights w[bucket * classes + class]. The average over all clock ticks is kept lazily: each
// weight remembers when it last changed (stamp) and the sum of its values up to then (total),
// so an update costs O(1) and Averaged() settles every weight once.
class AveragedPerceptron {
 public:
  AveragedPerceptron(size_t buckets, int classes)
      : classes_(classes), w_(buckets * classes, 0), total_(w_.size(), 0), stamp_(w_.size(), 0) {}

  size_t size() const { return w_.size(); }
  // The current (not averaged) weights, rows of `classes`.
  const float* weights() const { return w_.data(); }

  // Advances the clock by one decision (a token or a sentence, as the trainer counts them).
  void Tick() { ++clock_; }

  // Adds `d` to the weight of class `cls` in row `bucket`.
  void Update(uint32_t bucket, int cls, float d) {
    const size_t k = static_cast<size_t>(bucket) * classes_ + cls;
    total_[k] += double(clock_ - stamp_[k]) * w_[k];
    stamp_[k] = clock_;
    w_[k] += d;
  }

  // Each weight averaged over the ticks so far (the weights themselves when no tick yet).
  std::vector<float> Averaged() const {
    std::vector<float> avg(w_.size());
    for (size_t k = 0; k < w_.size(); ++k) {
      double total = total_[k] + double(clock_ - stamp_[k]) * w_[k];
      avg[k] = static_cast<float>(total / std::max<long>(clock_, 1));
    }
    return avg;
  }

 private:
  size_t classes_;
  std::vector<float> w_;
  std::vector<double> total_;
  std::vector<long> stamp_;
  long clock_ = 0;
};

// Exact-span counts: true positives, predicted spans, gold spans.
struct SpanCounts {
  long tp = 0, pred = 0, gold = 0;
  double F1() const {
    double p = pred ? double(tp) / pred : 0, r = gold ? double(tp) / gold : 0;
    return p + r ? 2 * p * r / (p + r) : 0;
  }
};

// The magnitudes of the non-zero weights of `w`, ascending (the quantiles Int8Scale reads).
inline std::vector<float> SortedMagnitudes(const std::vector<float>& w) {
  std::vector<float> mags;
  for (float v : w)
    if (v != 0) mags.push_back(std::fabs(v));
  std::sort(mags.begin(), mags.end());
  return mags;
}

// The int8 scale that maps the magnitude at quantile `q` of `mags` (SortedMagnitudes, not
// empty) to 127: the weights above it saturate.
inline float Int8Scale(const std::vector<float>& mags, double q) {
  return 127.f / mags[static_cast<size_t>(q * (mags.size() - 1))];
}

}  // namespace presslens

#endif  // PRESSLENS_TOOLS_PERCEPTRON_H_
