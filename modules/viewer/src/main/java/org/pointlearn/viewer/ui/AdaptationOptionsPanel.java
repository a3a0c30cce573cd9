package org.pointlearn.viewer.ui;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SessionState;

/**
 * Tools > Options > Pointlearn > Adaptation: whether and how the model learns from the user's
 * clicks, with the policy's shipped defaults a button away. Applied to the workstation's session
 * (remembered by it); the next click or accept uses it, a new policy starts a new engine session
 * on the same versions.
 */
@Messages({
    "OPT_Learn=Learn from my clicks",
    "OPT_Policy=Policy:",
    "OPT_MidSteps=Steps after each click:",
    "OPT_MidRate=Learning rate after a click:",
    "OPT_PostSteps=Steps after an accepted slice:",
    "OPT_PostRate=Learning rate after an accept:",
    "OPT_Guard=Forgetting guard (undo an update that makes recent slices worse)",
    "OPT_Replay=Recent slices kept for replay and the guard:",
    "OPT_Defaults=Restore the policy's defaults",
    "OPT_Hint=Used from the next click; a new policy starts a new session on the same versions.",
    "# {0} field, {1} words",
    "OPT_Bad={0} must be a positive number, not \"{1}\""
})
final class AdaptationOptionsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient InteractiveSession session;
    private final JCheckBox learn = new JCheckBox(Bundle.OPT_Learn());
    private final JComboBox<String> policy = new JComboBox<>();
    private final JSpinner midSteps = new JSpinner(new SpinnerNumberModel(2, 0, 50, 1));
    private final JTextField midRate = new JTextField(8);
    private final JSpinner postSteps = new JSpinner(new SpinnerNumberModel(8, 0, 200, 1));
    private final JTextField postRate = new JTextField(8);
    private final JCheckBox guard = new JCheckBox(Bundle.OPT_Guard());
    private final JSpinner replay = new JSpinner(new SpinnerNumberModel(4, 0, 100, 1));
    private final JButton defaults = new JButton(Bundle.OPT_Defaults());
    private int row;

    AdaptationOptionsPanel(InteractiveSession session) {
        this.session = session;
        setLayout(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        for (AdaptationPolicy p : AdaptationPolicy.all()) {
            if (p != AdaptationPolicy.FROZEN) {
                policy.addItem(p.name());
            }
        }
        learn.setName("pointlearn.options.learn");
        policy.setName("pointlearn.options.policy");
        midSteps.setName("pointlearn.options.midSteps");
        postSteps.setName("pointlearn.options.postSteps");
        guard.setName("pointlearn.options.guard");
        wide(learn);
        field(Bundle.OPT_Policy(), policy);
        field(Bundle.OPT_MidSteps(), midSteps);
        field(Bundle.OPT_MidRate(), midRate);
        field(Bundle.OPT_PostSteps(), postSteps);
        field(Bundle.OPT_PostRate(), postRate);
        wide(guard);
        field(Bundle.OPT_Replay(), replay);
        wide(defaults);
        wide(new JLabel(Bundle.OPT_Hint()));
        GridBagConstraints rest = constraints(0, row);
        rest.weighty = 1;
        add(new JPanel(), rest);
        defaults.addActionListener(e -> show(defaultsFor(AdaptationPolicy.named((String) policy.getSelectedItem()))));
        policy.addActionListener(e -> {
            if (policy.getSelectedItem() != null && policy.isFocusOwner()) {
                show(defaultsFor(AdaptationPolicy.named((String) policy.getSelectedItem())));
            }
        });
    }

    /**
     * A policy's settings for the session's model: the defaults with what the model's card names for
     * it (docs/adaptation.md, "Settings per model"), the defaults when the model is not the active one.
     */
    private AdaptationSettings defaultsFor(AdaptationPolicy p) {
        org.pointlearn.inference.api.InferenceRuntime runtime = org.pointlearn.inference.api.InferenceRuntime.getDefault();
        String inUse = session.state().modelName();
        org.pointlearn.inference.api.ModelCard card = runtime == null ? null : runtime.activeModel()
                .map(org.pointlearn.inference.api.SegmentationModel::card)
                .filter(c -> c.versionOrName().equals(inUse)).orElse(null);
        return p.defaultSettings(card);
    }

    /** Shows what the session uses now. */
    void load() {
        SessionState st = session.state();
        learn.setSelected(st.learning());
        policy.setSelectedItem(st.policy().name());
        show(st.settings());
    }

    private void show(AdaptationSettings s) {
        midSteps.setValue(s.midSteps());
        midRate.setText(number(s.midLearningRate()));
        postSteps.setValue(s.postSteps());
        postRate.setText(number(s.postLearningRate()));
        guard.setSelected(s.guardEnabled());
        replay.setValue(s.replayCapacity());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** What is wrong with the fields, in words, or null. */
    String problem() {
        for (JTextField f : new JTextField[] {midRate, postRate}) {
            try {
                if (!(Double.parseDouble(f.getText().trim()) > 0)) {
                    return Bundle.OPT_Bad(f == midRate ? Bundle.OPT_MidRate() : Bundle.OPT_PostRate(), f.getText());
                }
            } catch (NumberFormatException e) {
                return Bundle.OPT_Bad(f == midRate ? Bundle.OPT_MidRate() : Bundle.OPT_PostRate(), f.getText());
            }
        }
        return null;
    }

    /** Applies the fields to the session (which remembers them). */
    void store() {
        if (problem() != null) {
            throw new IllegalArgumentException(problem());
        }
        // the settings the page does not show come from the chosen policy: its own defaults when it
        // is not the one in use (a switch from paper to method must not keep paper's hidden settings)
        AdaptationPolicy chosen = AdaptationPolicy.named((String) policy.getSelectedItem());
        AdaptationSettings base = chosen.equals(session.state().policy()) ? session.state().settings()
                : defaultsFor(chosen);
        AdaptationSettings s = base.toBuilder()
                .midSteps((Integer) midSteps.getValue())
                .midLearningRate(Double.parseDouble(midRate.getText().trim()))
                .postSteps((Integer) postSteps.getValue())
                .postLearningRate(Double.parseDouble(postRate.getText().trim()))
                .guardEnabled(guard.isSelected())
                .replayCapacity((Integer) replay.getValue())
                .build();
        session.configure(chosen, s);
        session.setLearning(learn.isSelected());
    }

    /** The fields, for tests: learn, policy, mid steps, post steps, guard. */
    JCheckBox learnBox() {
        return learn;
    }

    JComboBox<String> policyBox() {
        return policy;
    }

    JSpinner midStepsField() {
        return midSteps;
    }

    JSpinner postStepsField() {
        return postSteps;
    }

    JCheckBox guardBox() {
        return guard;
    }

    private void field(String label, java.awt.Component c) {
        add(new JLabel(label), constraints(0, row));
        GridBagConstraints cc = constraints(1, row++);
        cc.weightx = 1;
        cc.fill = GridBagConstraints.NONE;
        add(c, cc);
    }

    private void wide(java.awt.Component c) {
        GridBagConstraints cc = constraints(0, row++);
        cc.gridwidth = 2;
        add(c, cc);
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 4, 3, 4);
        return c;
    }
}
