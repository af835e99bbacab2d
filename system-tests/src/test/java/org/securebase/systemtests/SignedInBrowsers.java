package org.securebase.systemtests;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.WebDriver;
import org.securebase.localstack.SecureBaseStack;

/** The browsers one test opened, each signed in to the portal as someone, all closed together after the test. */
public final class SignedInBrowsers {

    private final List<WebDriver> open = new ArrayList<>();

    /** A new browser, on no page yet, not signed in. */
    public WebDriver open() {
        WebDriver browser = Browser.open();
        open.add(browser);
        return browser;
    }

    /** A new browser signed in to the portal as {@code email} with the stack's demo password. */
    public WebDriver signIn(SecureBaseStack stack, String email) {
        WebDriver browser = open();
        browser.get(stack.publicUrl() + "/");
        Browser.logIn(browser, email, stack.demoPassword());
        return browser;
    }

    public void closeAll() {
        open.forEach(WebDriver::quit);
        open.clear();
    }
}
