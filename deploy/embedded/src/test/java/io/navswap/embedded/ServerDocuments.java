package io.navswap.embedded;

import de.bwaldvogel.mongo.bson.Document;

/** Documents as the server sees them (mongo-java-server's own type), for tests that call its classes directly. */
final class ServerDocuments {
    private ServerDocuments() {
    }

    /** {@code doc("a", 1, "b", x)}: keys and values in turn, in that order. */
    static Document doc(Object... pairs) {
        Document doc = new Document();
        for (int i = 0; i < pairs.length; i += 2) {
            doc.put((String) pairs[i], pairs[i + 1]);
        }
        return doc;
    }
}
