<#-- The invitation. Account-service sends it only for a new person (their password, their email, and for staff
     their authenticator), with the portal as client, so the last page leads into the portal. -->
<#import "template.ftl" as layout>
<#assign staff = (requiredActions?? && requiredActions?seq_contains("CONFIGURE_TOTP"))>
<@layout.emailLayout>
<p>${msg("invitationGreeting", (user.firstName)!"")}</p>
<p>${msg("invitationBody", realmName)}</p>
<p>${msg("invitationPrivacy")}</p>
<p><a href="${link}" style="display:inline-block;padding:.45rem 1rem;border-radius:.4rem;background:#2f5d8a;color:#ffffff;text-decoration:none;">${msg("invitationAction")}</a></p>
<p>${msg(staff?then("invitationStepsStaff", "invitationStepsClient"))}</p>
<p>${msg("invitationExpiry", linkExpirationFormatter(linkExpiration))}</p>
<p style="font-size:.9rem;color:#4a5468;">${msg("invitationNotYou", realmName)}</p>
</@layout.emailLayout>
