/**
 * A pack's search synonyms (synonyms.txt), in the "equivalent synonyms" format Solr and
 * Elasticsearch use, so a shop can bring the file its site search already has: one group of
 * words that mean the same per line, separated by commas (or Chinese ， 、); lines starting with "#" and blank lines
 * are skipped. Words are compared as search compares them: NFKC, lower case.
 */

export interface SynonymsRead {
  groups: string[][];
  problems: { line: number; why: string }[];
}

/** One word as search sees it: "ＴＥＥ " → "tee". */
const normalise = (word: string): string => word.normalize('NFKC').trim().toLowerCase();

export function parseSynonyms(text: string): SynonymsRead {
  const groups: string[][] = [];
  const problems: SynonymsRead['problems'] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const content = raw.trim();
      if (!content || content.startsWith('#')) return;
      if (content.includes('=>')) {
        problems.push({
          line,
          why: 'One-way mappings ("a => b") are not supported: list words that mean the same, separated by commas.',
        });
        return;
      }
      const words = [
        ...new Set(
          content
            .split(/[,，、]/)
            .map(normalise)
            .filter(Boolean),
        ),
      ];
      if (words.length < 2) {
        problems.push({
          line,
          why: `This line has only one word ("${words[0] ?? content}"): a synonym line needs at least two, separated by commas.`,
        });
        return;
      }
      groups.push(words);
    });
  return { groups, problems };
}
