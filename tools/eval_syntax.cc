// eval_syntax MODEL.bin [--beam N] [--time] NAME=FILE.conllu...
//
// Prints, per CoNLL-U file, "NAME words=N UPOS=0.xxx UAS=0.xxx LAS=0.xxx" for the syntax model
// (tools/syntax_scores.h has the definitions), parsed with the model's beam width or N. With
// --time, then the words per CPU second of tagging (with the word features) and of parsing, and
// of both, the best of three runs.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "conllu.h"
#include "syntax_scores.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: eval_syntax MODEL.bin [--beam N] NAME=FILE.conllu...\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  presslens::syntax::SyntaxModel model;
  if (!model.Load(bytes.str())) {
    std::fprintf(stderr, "eval_syntax: cannot load the model %s\n", argv[1]);
    return 1;
  }
  int beam = 0;
  bool time = false;
  for (int a = 2; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--beam" && a + 1 < argc) {
      beam = std::atoi(argv[++a]);
      continue;
    }
    if (arg == "--time") {
      time = true;
      continue;
    }
    const size_t eq = arg.find('=');
    const std::string name = eq == std::string::npos ? arg : arg.substr(0, eq);
    const std::vector<ConlluSentence> sentences = ReadConllu(arg.substr(eq + 1));
    SyntaxScores r = ScoreSyntax(model, sentences, beam);
    std::printf("%s words=%ld UPOS=%.3f UAS=%.3f LAS=%.3f", name.c_str(), r.words, r.Upos(),
                r.Uas(), r.Las());
    if (time) {
      for (int k = 0; k < 2; ++k) {
        const SyntaxScores again = ScoreSyntax(model, sentences, beam);
        r.tag_seconds = std::min(r.tag_seconds, again.tag_seconds);
        r.parse_seconds = std::min(r.parse_seconds, again.parse_seconds);
      }
      std::printf(" words/s: tag=%.0f parse=%.0f both=%.0f", r.words / r.tag_seconds,
                  r.words / r.parse_seconds, r.words / (r.tag_seconds + r.parse_seconds));
    }
    std::printf("\n");
  }
  return 0;
}
