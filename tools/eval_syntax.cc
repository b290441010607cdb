// eval_syntax MODEL.bin [--beam N] NAME=FILE.conllu...
//
// Prints, per CoNLL-U file, "NAME words=N UPOS=0.xxx UAS=0.xxx LAS=0.xxx" for the syntax model
// (tools/syntax_scores.h has the definitions), parsed with the model's beam width or N.
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
  for (int a = 2; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--beam" && a + 1 < argc) {
      beam = std::atoi(argv[++a]);
      continue;
    }
    const size_t eq = arg.find('=');
    const std::string name = eq == std::string::npos ? arg : arg.substr(0, eq);
    const SyntaxScores r = ScoreSyntax(model, ReadConllu(arg.substr(eq + 1)), beam);
    std::printf("%s words=%ld UPOS=%.3f UAS=%.3f LAS=%.3f\n", name.c_str(), r.words, r.Upos(),
                r.Uas(), r.Las());
  }
  return 0;
}
