<#ftl output_format="plainText">
<#assign staff = (requiredActions?? && requiredActions?seq_contains("CONFIGURE_TOTP"))>
${msg("invitationGreeting", (user.firstName)!"")}

${msg("invitationBody", realmName)}

${msg("invitationPrivacy")}

${msg("invitationAction")}:
${link}

${msg(staff?then("invitationStepsStaff", "invitationStepsClient"))}

${msg("invitationExpiry", linkExpirationFormatter(linkExpiration))}

${msg("invitationNotYou", realmName)}

--
${msg("securebaseFooter")}
