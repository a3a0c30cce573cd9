package org.pointlearn.viewer.ui;

import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;

/** The workstation's yes-or-no questions, asked in the window system's dialog. */
final class Questions {

    private Questions() {
    }

    /**
     * Asks a question with OK and Cancel.
     *
     * @return whether the user chose OK
     */
    static boolean confirm(String question, String title) {
        NotifyDescriptor d = new NotifyDescriptor.Confirmation(question, title, NotifyDescriptor.OK_CANCEL_OPTION);
        return DialogDisplayer.getDefault().notify(d) == NotifyDescriptor.OK_OPTION;
    }

    /**
     * Asks a question with Yes and No.
     *
     * @return whether the user chose Yes
     */
    static boolean yes(String question, String title) {
        NotifyDescriptor d = new NotifyDescriptor.Confirmation(question, title, NotifyDescriptor.YES_NO_OPTION);
        return DialogDisplayer.getDefault().notify(d) == NotifyDescriptor.YES_OPTION;
    }
}
