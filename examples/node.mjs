// Who said what and who condemned whom in a text file, from Node.js.
//
//   npm install presslens
//   node node.mjs article.txt
import { readFileSync } from 'node:fs';
import { createAnalyzer } from 'presslens';

const file = process.argv[2];
if (!file) {
  console.error('usage: node node.mjs ARTICLE.txt');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');

const analyzer = await createAnalyzer();
const result = analyzer.analyze(text);
analyzer.dispose();

for (const q of result.quotes) {
  if (q.speaker) console.log(`${q.speaker.name}: “${q.text}”`);
}
for (const c of result.condemnations) {
  console.log(`${c.source?.name ?? '(someone)'} ${c.negated ? 'did not ' : ''}${c.cue.lemma} → ${c.target.text} (CAMEO ${c.cue.cameo})`);
}
