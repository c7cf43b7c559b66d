package io.atrium;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import io.atrium.runtime.script.harness.ScriptTestCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Atrium platform: the web UI, the REST API and the engines behind them. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/atrium.css") // how the screens fit a phone and a desktop
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@Push // live updates: the navigation follows publications, later new messages and queue changes
public class AtriumApplication implements AppShellConfigurator {

    /** {@code script-test …} runs a script module in the harness instead, before anything of Spring starts. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("script-test")) {
            ScriptTestCommand.main(Arrays.copyOfRange(args, 1, args.length));
        }
        StopSignal.treatTermAsNormalStop();
        SpringApplication.run(AtriumApplication.class, args);
    }
}
