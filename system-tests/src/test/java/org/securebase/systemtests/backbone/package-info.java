/**
 * The backbone, tried as an attacker on the network would: the running stack's Kafka broker, with each service's
 * own credentials and with none.
 */
package org.securebase.systemtests.backbone;
