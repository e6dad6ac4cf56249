package be.caisse.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail server of the stack and the tests: GreenMail (SMTP and IMAP, on loopback), in its own JVM. It accepts
 * every message and keeps it, delivers nothing outside; any login reads the mailbox of that address, so a test
 * or a person at the demo reads what a member received.
 */
public final class MailServerMain {
    private MailServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int smtp = Integer.parseInt(args[0]);
        int imap = Integer.parseInt(args[1]);
        GreenMail mail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        System.out.println("[mail] SMTP on 127.0.0.1:" + smtp + ", IMAP on 127.0.0.1:" + imap);
        Thread.currentThread().join();
    }
}
