package org.bitext.tei;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import org.bitext.Corpus;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tree built straight from the encoder's events serializes to the very bytes the streaming encoder writes. */
class TreeEncodingTest {
    static List<Path> articles() throws Exception {
        return Corpus.articles();
    }

    @ParameterizedTest
    @MethodSource("articles")
    void treeSerializesToTheStreamedBytes(Path file) throws Exception {
        Article a = new ArticleReader().read(file);
        TeiEncoder encoder = new TeiEncoder();
        String name = file.getFileName().toString();
        byte[] streamed = encoder.encode(a, name);
        byte[] fromTree = encoder.serialize(encoder.encodeTree(a, name, file.toUri().toString()));
        assertArrayEquals(streamed, fromTree, name);
    }
}
