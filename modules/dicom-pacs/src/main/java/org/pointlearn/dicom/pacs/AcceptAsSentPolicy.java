package org.pointlearn.dicom.pacs;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;
import java.util.List;

/**
 * The store SCP's choice of presentation contexts: every storage SOP class (and
 * verification) is accepted in the first transfer syntax the sender proposes, so
 * compressed images (JPEG-LS, JPEG 2000, ...) arrive as sent and need no transcoding by
 * the sender, which some PACS cannot do. Other SOP classes are refused.
 */
final class AcceptAsSentPolicy implements PresentationContextSelectionPolicy {

    private static final byte ACCEPTANCE = 0;
    private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;

    @Override
    @SuppressWarnings("rawtypes")
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList proposed, int associationNumber) {
        for (Object item : proposed) {
            answer((PresentationContext) item);
        }
        return proposed;
    }

    /** PixelMed's older form with a debug level, which is ignored. */
    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList proposed, int associationNumber,
            int debugLevel) {
        return applyPresentationContextSelectionPolicy(proposed, associationNumber);
    }

    /** Keeps only the sender's first transfer syntax, or refuses the context. */
    private static void answer(PresentationContext pc) {
        String abstractSyntax = pc.getAbstractSyntaxUID();
        List<?> syntaxes = pc.getTransferSyntaxUIDs();
        boolean wanted = SOPClass.isStorage(abstractSyntax) || SOPClass.Verification.equals(abstractSyntax);
        if (!wanted || syntaxes.isEmpty()) {
            pc.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
            return;
        }
        String first = (String) syntaxes.get(0);
        pc.newTransferSyntaxUIDs();
        pc.addTransferSyntaxUID(first);
        pc.setResultReason(ACCEPTANCE);
    }
}
