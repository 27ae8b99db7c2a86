package com.spooltracker.extendschema.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays short enough to read from clone to first deploy, and every relative link of the
 * documentation leads somewhere: the file exists and, for {@code #anchor}, so does a heading with
 * GitHub's anchor for it. A section moved to {@code docs/} without its links would otherwise leave a
 * newcomer at a dead end.
 */
class DocumentationLinksTest {
    private static final Path BASEDIR =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final int README_MAX_LINES = 260;
    /** A Markdown inline link or image: its target, up to a space (a title) or the closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)[^)]*\\)");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void theReadmeIsAtMost260Lines() throws IOException {
        int lines = Files.readAllLines(BASEDIR.resolve("README.md")).size();

        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines, more than " + README_MAX_LINES);
    }

    @Test
    void everyRelativeLinkOfTheDocumentationLeadsToAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            broken.addAll(brokenLinks(doc));
        }

        assertEquals(List.of(), broken);
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsFound() throws IOException {
        Path dir = Files.createTempDirectory("doclinks");
        Files.writeString(dir.resolve("other.md"), "# Other\n\n## Adding a migration\n");
        Path doc = Files.writeString(
                dir.resolve("doc.md"),
                String.join(
                        "\n",
                        "# Title, with punctuation!",
                        "[ok](other.md#adding-a-migration) [self](#title-with-punctuation)",
                        "[no file](gone.md) [no heading](other.md#removed-section)",
                        "[web](https://example.com/x#y) `[in code](gone.md)`",
                        "```",
                        "[in a block](gone.md)",
                        "```"));

        assertEquals(
                List.of("doc.md:3: gone.md (no such file)", "doc.md:3: other.md#removed-section (no such heading)"),
                brokenLinks(doc));
    }

    @Test
    void anchorsAreGitHubsSlugs() {
        assertEquals("adding-a-migration", slug("Adding a migration"));
        assertEquals("ratios-ours-warm--baseline", slug("Ratios: ours (warm) / baseline"));
        assertEquals(
                "cold-start-process-launch-to-first-200-median-of-7-alternating-launches-each",
                slug("Cold start: process launch to first 200 (median of 7 alternating launches each)"));
        assertEquals("what-deploysh-does", slug("What deploy.sh does"));
        assertEquals("the-_key-column", slug("The `_key`-column"));
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(BASEDIR.resolve("README.md"));
        docs.add(BASEDIR.resolve("sheets-emulator/README.md"));
        try (Stream<Path> files = Files.list(BASEDIR.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The relative links of {@code doc} (outside code) whose file or heading does not exist. */
    private static List<String> brokenLinks(Path doc) throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> lines = Files.readAllLines(doc);
        boolean inCode = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like: not this repository's
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved =
                        file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                String where = doc.getFileName() + ":" + (n + 1) + ": " + target;
                if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        return broken;
    }

    /** GitHub's anchors of the headings of a Markdown file (outside code blocks). */
    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        if (!file.toString().endsWith(".md")) {
            return anchors;
        }
        boolean inCode = false;
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String base = slug(heading.group(1));
                    String anchor = base;
                    for (int repeat = 1; !anchors.add(anchor); repeat++) {
                        anchor = base + "-" + repeat; // GitHub numbers a repeated heading's anchor
                    }
                }
            }
        }
        return anchors;
    }

    /** GitHub's slug: lower case, punctuation other than '-' and '_' removed, each space a '-'. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
