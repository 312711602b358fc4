package org.stationf.aiprogram.resources.ledger;

/** GRANT (+), DEBIT (−, usage), CREDIT (+, a correction), REVOKE (−, the unused rest), EXPIRE (−, the unused rest). */
public enum EntryType {
    GRANT, DEBIT, CREDIT, REVOKE, EXPIRE
}
