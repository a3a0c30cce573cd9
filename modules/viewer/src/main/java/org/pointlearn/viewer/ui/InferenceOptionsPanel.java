package org.pointlearn.viewer.ui;

import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.inference.api.InferenceRuntime;

/**
 * Tools > Options > Pointlearn > Inference: the device the engine runs on (auto: a GPU when the
 * engine sees one) and its threads; the engine takes them at the next start, and the page says so.
 */
@Messages({
    "OPT_Device=Device:",
    "OPT_Threads=Threads (0: one per core):",
    "OPT_NextStart=The engine takes these at the next start of Pointlearn. The status bar shows the device in use.",
    "OPT_NoRuntime=No inference module is installed."
})
final class InferenceOptionsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final transient InferenceRuntime runtime;
    private final JComboBox<String> device = new JComboBox<>(new String[] {"auto", "cpu", "gpu"});
    private final JSpinner threads = new JSpinner(new SpinnerNumberModel(0, 0, 256, 1));

    InferenceOptionsPanel(InferenceRuntime runtime) {
        this.runtime = runtime;
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        device.setName("pointlearn.options.device");
        threads.setName("pointlearn.options.threads");
        add(row(new JLabel(Bundle.OPT_Device()), device));
        add(row(new JLabel(Bundle.OPT_Threads()), threads));
        add(row(new JLabel(runtime == null ? Bundle.OPT_NoRuntime() : Bundle.OPT_NextStart())));
        device.setEnabled(runtime != null);
        threads.setEnabled(runtime != null);
    }

    private static JPanel row(java.awt.Component... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        for (java.awt.Component c : parts) {
            p.add(c);
        }
        return p;
    }

    /** Shows the remembered settings. */
    void load() {
        if (runtime != null) {
            InferenceRuntime.StartSettings s = runtime.startSettings();
            device.setSelectedItem(s.device());
            threads.setValue(s.threads());
        }
    }

    /** Remembers the settings for the next start. */
    void store() {
        if (runtime != null) {
            runtime.rememberStartSettings(new InferenceRuntime.StartSettings((String) device.getSelectedItem(),
                    (Integer) threads.getValue()));
        }
    }

    JComboBox<String> deviceBox() {
        return device;
    }

    JSpinner threadsField() {
        return threads;
    }
}
