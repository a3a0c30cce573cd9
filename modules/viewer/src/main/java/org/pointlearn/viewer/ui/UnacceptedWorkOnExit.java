package org.pointlearn.viewer.ui;

import java.awt.EventQueue;
import java.awt.SecondaryLoop;
import java.awt.Toolkit;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.modules.OnStop;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * File > Exit with a slice whose clicks or strokes are not accepted asks first: accept the
 * slice (the model learns from it before the workstation closes), discard it, or cancel the exit.
 */
@OnStop
@NbBundle.Messages({
    "# {0} slice (1-based)",
    "ASK_Exit=Slice {0} has clicks that are not accepted. Accept it before closing?",
    "# {0} list of slices (1-based)",
    "ASK_ExitDrafts=Slices {0} have clicks that are not accepted; drafts are lost when Pointlearn closes.\nAccept and close accepts the slice in progress only.",
    "TITLE_Exit=Unaccepted slice",
    "BTN_AcceptSlice=Accept and close",
    "BTN_DiscardSlice=Discard and close",
    "BTN_CancelExit=Cancel"
})
public final class UnacceptedWorkOnExit implements Callable<Boolean> {

    /** The user's answer. */
    enum Answer {
        ACCEPT, DISCARD, CANCEL
    }

    @Override
    public Boolean call() throws Exception {
        ClickSegmentation[] tools = new ClickSegmentation[1];
        Runnable find = () -> {
            TopComponent tc = WindowManager.getDefault().findTopComponent(ViewerTopComponent.PREFERRED_ID);
            tools[0] = tc instanceof ViewerTopComponent v && v.isOpened() ? v.tools() : null;
        };
        if (EventQueue.isDispatchThread()) {
            find.run();
        } else {
            EventQueue.invokeAndWait(find);
        }
        return tools[0] == null || mayExit(tools[0], UnacceptedWorkOnExit::ask);
    }

    /**
     * Whether the workstation may close: yes when no slice has unaccepted work; otherwise as the
     * user answers (accepting waits until the model has learned from the slice, at most a minute).
     */
    static boolean mayExit(ClickSegmentation tools, Function<String, Answer> asker) throws Exception {
        org.pointlearn.adaptation.api.SeriesWork work = onEdt(tools::seriesWork);
        int slice = work.hasWork() ? work.slice() : -1;
        java.util.List<Integer> drafts = work.drafts().keySet().stream().sorted().toList();
        if (slice < 0 && drafts.isEmpty()) {
            return true;
        }
        java.util.List<Integer> all = new java.util.ArrayList<>(drafts);
        if (slice >= 0) {
            all.add(slice);
        }
        String question = drafts.isEmpty() ? Bundle.ASK_Exit(slice + 1)
                : Bundle.ASK_ExitDrafts(String.join(", ", all.stream().sorted().map(k -> Integer.toString(k + 1)).toList()));
        Answer a = asker.apply(question);
        if (a == Answer.CANCEL) {
            return false;
        }
        if (a == Answer.ACCEPT && slice >= 0 && onEdt(tools::accept)) {
            waitFor(tools);
        }
        return true;
    }

    private static void waitFor(ClickSegmentation tools) throws Exception {
        java.util.concurrent.CompletableFuture<?> idle = onEdt(tools::idle);
        if (EventQueue.isDispatchThread()) {
            SecondaryLoop loop = Toolkit.getDefaultToolkit().getSystemEventQueue().createSecondaryLoop();
            idle.whenComplete((r, e) -> loop.exit());
            if (!idle.isDone()) {
                loop.enter();
            }
        } else {
            idle.get(1, TimeUnit.MINUTES);
        }
    }

    private static <T> T onEdt(Callable<T> call) throws Exception {
        if (EventQueue.isDispatchThread()) {
            return call.call();
        }
        Object[] out = new Object[1];
        Exception[] failure = new Exception[1];
        EventQueue.invokeAndWait(() -> {
            try {
                out[0] = call.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private static Answer ask(String question) {
        Object accept = Bundle.BTN_AcceptSlice();
        Object discard = Bundle.BTN_DiscardSlice();
        Object cancel = Bundle.BTN_CancelExit();
        NotifyDescriptor d = new NotifyDescriptor(question, Bundle.TITLE_Exit(), NotifyDescriptor.YES_NO_CANCEL_OPTION,
                NotifyDescriptor.QUESTION_MESSAGE, new Object[] {accept, discard, cancel}, accept);
        Object chosen = DialogDisplayer.getDefault().notify(d);
        return chosen == accept ? Answer.ACCEPT : chosen == discard ? Answer.DISCARD : Answer.CANCEL;
    }
}
