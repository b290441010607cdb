// Google Benchmark of the core's stages, one benchmark per stage, so the slow one is visible.
//
//   npm run bench:native                      (builds build/native, runs on the bench corpus)
//   build/native/presslens_bench_stages [--benchmark_filter=Entities] [FILE]
//
// The text is FILE, or $PRESSLENS_BENCH_TEXT, or data/sample-article.txt repeated to ~1 MB.
// Each stage is timed on a copy of the Document as the earlier stages left it (the copy is made
// with the timer paused), so a row is that stage alone; "Analyze" and "ToJson" are the whole.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "chunker.h"
#include "condemnations.h"
#include "coreference.h"
#include "document.h"
#include "entities.h"
#include "presslens/presslens.h"
#include "quotes.h"
#include "speakers.h"
#include "speech_cues.h"
#include "syntax/parse.h"
#include "tokens.h"

namespace {

constexpr int kStages = 6;  // Stages::Run's

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string& Text() {
  static std::string text;
  return text;
}

// The pipeline of core/analyzer.cc, stage by stage. The chunk index is built in the stage that
// first reads it (Coreference), and again for the later stages, which run on a copy of the
// Document.
struct Stages {
  std::vector<std::string> errors;
  presslens::Tokenizer tokenizer;
  presslens::QuoteFinder quotes;
  presslens::EntityFinder entities{{}, &errors};
  presslens::ChunkerLexicon chunk_words;
  presslens::SpeechLexicon speech_words;
  presslens::CoreferenceFinder coreference{chunk_words, speech_words};
  presslens::SpeakerFinder speakers{chunk_words, speech_words};
  presslens::CondemnationFinder condemnations{chunk_words};
  std::shared_ptr<presslens::EntityFinder::Scratch> entity_scratch =
      presslens::EntityFinder::NewScratch();
  std::shared_ptr<presslens::CoreferenceScratch> coreference_scratch =
      presslens::CoreferenceFinder::NewScratch();
  std::shared_ptr<presslens::SpeakerScratch> speaker_scratch = presslens::SpeakerFinder::NewScratch();
  std::shared_ptr<presslens::CondemnationScratch> condemnation_scratch =
      presslens::CondemnationFinder::NewScratch();
  mutable presslens::ChunkIndex chunks;

  void Run(int stage, presslens::Document* doc) const {
    switch (stage) {
      case 0: tokenizer.Run(doc); break;
      case 1: quotes.Run(doc); break;
      case 2: entities.Run(doc, entity_scratch.get()); break;
      case 3:
        chunks.Build(doc);
        coreference.Run(doc, chunks, coreference_scratch.get());
        break;
      case 4:
        chunks.Build(doc);
        speakers.Run(doc, chunks, speaker_scratch.get());
        break;
      case 5:
        chunks.Build(doc);
        condemnations.Run(doc, chunks, condemnation_scratch.get());
        break;
    }
  }
};

const Stages& SharedStages() {
  static const Stages* stages = new Stages();
  return *stages;
}

// The Document as it stands before `stage` runs.
const presslens::Document& Before(int stage) {
  static std::vector<presslens::Document> docs = [] {
    std::vector<presslens::Document> v(kStages);
    presslens::Document doc;
    doc.Reset(Text());
    for (int s = 0; s < kStages; ++s) {
      v[s] = doc;
      SharedStages().Run(s, &doc);
    }
    return v;
  }();
  return docs[stage];
}

void BM_Stage(benchmark::State& state) {
  const int stage = static_cast<int>(state.range(0));
  const Stages& stages = SharedStages();
  const presslens::Document& before = Before(stage);
  for (auto _ : state) {
    state.PauseTiming();
    presslens::Document doc = before;
    state.ResumeTiming();
    stages.Run(stage, &doc);
    benchmark::DoNotOptimize(doc.tokens.data());
    state.PauseTiming();
    { presslens::Document discard = std::move(doc); }  // free outside the timing
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Text().size()));
}

// The syntactic layer (core/syntax/, not yet in analyze()): tagging and parsing the text's
// first sentences up to 20,000 words; items per second are words per second. The argument is
// the parser's beam width (0: the model's).
void BM_Syntax(benchmark::State& state) {
  static const presslens::syntax::SyntaxModel* model = [] {
    auto* m = new presslens::syntax::SyntaxModel();
    m->Load(ReadFile(PRESSLENS_SOURCE_DIR "/data/syntax-model.bin"));
    return m;
  }();
  if (model->empty()) {
    state.SkipWithError("data/syntax-model.bin does not load");
    return;
  }
  const presslens::Document& doc = Before(1);
  const presslens::syntax::Parser parser(model, static_cast<int>(state.range(0)));
  presslens::syntax::Parse parse;
  int64_t words = 0;
  for (auto _ : state) {
    int n = 0;
    for (int s = 0; s < static_cast<int>(doc.sentences.size()) && n < 20000; ++s) {
      parser.ParseSentence(doc, s, &parse);
      n += parse.size();
    }
    words += n;
  }
  state.SetItemsProcessed(words);
}

void BM_Analyze(benchmark::State& state) {
  static const presslens::Analyzer* analyzer = new presslens::Analyzer();
  for (auto _ : state) {
    presslens::Result r = analyzer->Analyze(Text());
    benchmark::DoNotOptimize(r.entities.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Text().size()));
}

void BM_ToJson(benchmark::State& state) {
  static const presslens::Analyzer* analyzer = new presslens::Analyzer();
  const presslens::Result r = analyzer->Analyze(Text());
  for (auto _ : state) {
    std::string json = presslens::ToJson(r, Text());
    benchmark::DoNotOptimize(json.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Text().size()));
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string path = argc > 1 ? argv[1] : "";
  if (path.empty() && std::getenv("PRESSLENS_BENCH_TEXT")) path = std::getenv("PRESSLENS_BENCH_TEXT");
  if (!path.empty()) {
    Text() = ReadFile(path);
    if (Text().empty()) {
      std::fprintf(stderr, "presslens_bench_stages: %s: cannot read (or empty)\n", path.c_str());
      return 1;
    }
  } else {
    std::string article = ReadFile(PRESSLENS_SOURCE_DIR "/data/sample-article.txt");
    if (article.empty()) article = "The minister said \"we condemn the attack\" in Paris.\n";
    while (Text().size() < (1u << 20)) Text() += article + "\n\n";
  }
  const char* names[kStages] = {"Tokenize+Sentences", "Quotes",          "Entities",
                                "Chunks+Coreference", "Chunks+Speakers", "Chunks+Condemnations"};
  for (int s = 0; s < kStages; ++s) {
    benchmark::RegisterBenchmark((std::string("Stage/") + std::to_string(s) + "_" + names[s]).c_str(),
                                 BM_Stage)
        ->Arg(s)
        ->Unit(benchmark::kMillisecond)
        ->MinTime(0.5);
  }
  benchmark::RegisterBenchmark("Syntax/TagAndParse", BM_Syntax)->Arg(0)->Unit(benchmark::kMillisecond)->MinTime(0.5);
  benchmark::RegisterBenchmark("Syntax/TagAndParseGreedy", BM_Syntax)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(0.5);
  benchmark::RegisterBenchmark("Analyze", BM_Analyze)->Unit(benchmark::kMillisecond)->MinTime(0.5);
  benchmark::RegisterBenchmark("ToJson", BM_ToJson)->Unit(benchmark::kMillisecond)->MinTime(0.5);
  std::fprintf(stderr, "presslens_bench_stages: %zu bytes of text\n", Text().size());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
