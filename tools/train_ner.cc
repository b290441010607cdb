// train_ner TRAIN.docs DEV.docs OUT.bin [EPOCHS [EXTRA_EPOCHS]]
//
// Trains the entity tagger (core/ner_model.h): a greedy averaged perceptron over BIO tags of
// PER ORG LOC MISC. Input documents are the CoNLL-2003 files converted to raw text by the
// evaluators' conll2json.py and to this format by scripts/train-ner.mjs:
//   DOC <text bytes> <spans>\n<text>\n then one "<start> <end> <class>\n" per gold span
// (UTF-8 byte offsets); a document that opens with XDOC instead is extra data of another
// genre (scripts/train-ner.mjs --extra), trained on in the first EXTRA_EPOCHS epochs only (by
// default in all). The training documents' knowledge-base matches are half forgotten
// (NerFeatures::ForgetKnowledgeBaseMatches). The text is tokenized by presslens' own
// Tokenizer, so training sees exactly the tokens the core sees at run time. The epoch with the
// best dev F1 is kept, then the weights are quantised to int8 and written as the model file.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gazetteer.h"
#include "ner_model.h"
#include "perceptron.h"
#include "tokens.h"

using namespace presslens;

namespace {

struct GoldSpan {
  uint32_t start, end;
  int cls;
};

struct Example {
  std::string text;
  Document doc;
  NerFeatures feats;
  std::vector<GoldSpan> gold;
  std::vector<uint8_t> tags;  // gold BIO tags per token
  bool extra = false;         // an XDOC
};

int ClassOf(const std::string& s) {
  if (s == "PER") return kPer;
  if (s == "ORG") return kOrg;
  if (s == "LOC") return kLoc;
  if (s == "MISC") return kMisc;
  return -1;
}

// `forget`: the training documents, whose knowledge base matches are half forgotten.
std::vector<Example> Read(const char* path, const Tokenizer& tokenizer, bool forget,
                          int* unaligned) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "train_ner: cannot open %s\n", path);
    std::exit(1);
  }
  std::vector<Example> docs;
  std::string word;
  size_t bytes, spans;
  while (in >> word >> bytes >> spans) {
    in.get();
    docs.emplace_back();
    Example& ex = docs.back();
    ex.extra = word == "XDOC";
    ex.text.resize(bytes);
    in.read(&ex.text[0], static_cast<std::streamsize>(bytes));
    for (size_t k = 0; k < spans; ++k) {
      GoldSpan g;
      std::string cls;
      in >> g.start >> g.end >> cls;
      g.cls = ClassOf(cls);
      if (g.cls >= 0) ex.gold.push_back(g);
    }
  }
  for (size_t d = 0; d < docs.size(); ++d) {
    Example& ex = docs[d];
    ex.doc.text = ex.text;
    tokenizer.Run(&ex.doc);
    ex.feats.Compute(ex.doc, Gazetteer::Get());
    if (forget) ex.feats.ForgetKnowledgeBaseMatches(static_cast<uint32_t>(d));
    const auto& tokens = ex.doc.tokens;
    ex.tags.assign(tokens.size(), 0);
    size_t t = 0;
    for (const GoldSpan& g : ex.gold) {
      while (t < tokens.size() && tokens[t].end <= g.start) ++t;
      size_t u = t;
      bool first = true;
      while (u < tokens.size() && tokens[u].start < g.end) {
        if (tokens[u].start >= g.start && tokens[u].end <= g.end) {
          ex.tags[u] = static_cast<uint8_t>(first ? BeginTag(g.cls) : BeginTag(g.cls) + 1);
          first = false;
        }
        ++u;
      }
      if (t >= tokens.size() || tokens[t].start != g.start || u == 0 || tokens[u - 1].end != g.end)
        ++*unaligned;
    }
  }
  return docs;
}

// Spans (byte offsets) from tags, for PER ORG LOC.
std::vector<GoldSpan> Spans(const Document& doc, const std::vector<uint8_t>& tags) {
  std::vector<GoldSpan> out;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == 0 || TagInside(tags[i])) continue;
    size_t j = i + 1;
    while (j < tags.size() && TagInside(tags[j]) && TagClass(tags[j]) == TagClass(tags[i])) ++j;
    out.push_back({doc.tokens[i].start, doc.tokens[j - 1].end, TagClass(tags[i])});
  }
  return out;
}

void Score(const Example& ex, const std::vector<uint8_t>& tags, SpanCounts* c) {
  auto pred = Spans(ex.doc, tags);
  for (const GoldSpan& g : ex.gold)
    if (g.cls != kMisc) ++c->gold;
  for (const GoldSpan& p : pred) {
    if (p.cls == kMisc) continue;
    ++c->pred;
    for (const GoldSpan& g : ex.gold)
      if (g.start == p.start && g.end == p.end && g.cls == p.cls) ++c->tp;
  }
}

class Trainer {
 public:
  // Tags one document with the current weights (or `avg`), updating when `learn`.
  void Run(const Example& ex, bool learn, const std::vector<float>* avg, NerState* s) {
    const NerFeatures& f = ex.feats;
    const int n = f.size();
    s->tags.assign(n, 0);
    s->last_class.Clear();
    std::vector<uint32_t> feats;
    for (int i = 0; i < n; ++i) {
      const int prev = i > 0 ? s->tags[i - 1] : 0;
      if (NerOutside(f, prev, i)) continue;  // as at run time: O, unscored, nothing learned
      feats.clear();
      f.Static(i, &feats);
      NerDynamicFeatures(f, *s, i, &feats);
      double score[kNumTags] = {0};
      const float* w = avg ? avg->data() : perceptron_.weights();
      for (uint32_t b : feats)
        for (int t = 0; t < kNumTags; ++t) score[t] += w[static_cast<size_t>(b) * kNumTags + t];
      int best = 0;
      for (int t = 1; t < kNumTags; ++t)
        if (TagAllowed(prev, t) && score[t] > score[best]) best = t;
      if (learn) {
        perceptron_.Tick();
        int gold = ex.tags[i];
        if (!TagAllowed(prev, gold)) gold = BeginTag(TagClass(gold));  // recover after an error
        if (best != gold) {
          for (uint32_t b : feats) {
            perceptron_.Update(b, gold, 1);
            perceptron_.Update(b, best, -1);
          }
        }
      }
      s->Set(f, i, best);
    }
  }

  std::vector<float> Averaged() const { return perceptron_.Averaged(); }

 private:
  AveragedPerceptron perceptron_{static_cast<size_t>(kHashMask + 1), kNumTags};
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: train_ner TRAIN.docs DEV.docs OUT.bin [EPOCHS [EXTRA_EPOCHS]]\n");
    return 2;
  }
  const int epochs = argc > 4 ? std::atoi(argv[4]) : 20;
  const int extra_epochs = argc > 5 ? std::atoi(argv[5]) : epochs;
  Tokenizer tokenizer;
  int unaligned_train = 0, unaligned_dev = 0;
  std::vector<Example> train = Read(argv[1], tokenizer, true, &unaligned_train);
  std::vector<Example> dev = Read(argv[2], tokenizer, false, &unaligned_dev);
  std::fprintf(stderr, "train %zu docs, dev %zu docs; gold spans not on token boundaries: %d / %d\n",
               train.size(), dev.size(), unaligned_train, unaligned_dev);

  Trainer trainer;
  std::vector<size_t> order(train.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(20031);
  std::vector<float> best;
  double best_f1 = -1;
  int best_epoch = 0;
  NerState state;
  for (int e = 1; e <= epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order)
      if (e <= extra_epochs || !train[k].extra) trainer.Run(train[k], true, nullptr, &state);
    std::vector<float> avg = trainer.Averaged();
    SpanCounts c;
    for (const Example& ex : dev) {
      trainer.Run(ex, false, &avg, &state);
      Score(ex, state.tags, &c);
    }
    std::fprintf(stderr, "epoch %d: dev F1(PER,ORG,LOC) %.4f (model spans, before post-processing)\n",
                 e, c.F1());
    if (c.F1() > best_f1) {
      best_f1 = c.F1();
      best_epoch = e;
      best = std::move(avg);
    }
  }

  // Quantise: the largest weights saturate; choose the scale on a high quantile of |w|.
  const std::vector<float> mags = SortedMagnitudes(best);
  std::string chosen;
  double chosen_f1 = -1;
  for (double q : {0.999, 0.9995, 0.9999}) {
    const float scale = Int8Scale(mags, q);
    std::string bytes = NerModel::Serialize(best, scale);
    NerModel model;
    model.Load(bytes);
    SpanCounts c;
    for (const Example& ex : dev) {
      model.Tag(ex.feats, &state);
      Score(ex, state.tags, &c);
    }
    std::fprintf(stderr, "int8 at quantile %.4f: %zu bytes, dev F1 %.4f\n", q, bytes.size(), c.F1());
    if (c.F1() > chosen_f1) {
      chosen_f1 = c.F1();
      chosen = bytes;
    }
  }
  std::ofstream out(argv[3], std::ios::binary);
  out.write(chosen.data(), static_cast<std::streamsize>(chosen.size()));
  std::fprintf(stderr, "wrote %s: %zu bytes (epoch %d, dev F1 %.4f float, %.4f int8)\n", argv[3],
               chosen.size(), best_epoch, best_f1, chosen_f1);
  return out ? 0 : 1;
}
