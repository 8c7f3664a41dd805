// Generated from arbiter_policy by src-tauri/bindings.rs for the in-memory desk. Do not edit:
// `ARBITER_WRITE_BINDINGS=1 cargo test --test bindings` rewrites it.
import type {
  CardNetwork,
  CaseKind,
  CaseOutcome,
  CaseStatus,
  ChargebackStage,
  DisputeFlow,
  ReasonCodeInfo,
  TicketKind,
} from "../bindings";

/** Which case a ticket opens (null: none). */
export const CASE_KIND_OF: Record<TicketKind, CaseKind | null> = {
  "card_chargeback": "chargeback",
  "complaint": null,
  "fraud_claim": "fraud_claim",
  "inquiry": null,
  "p2p_dispute": "dispute",
  "trade_dispute": "dispute"
};

/** The outcomes each kind of case can end in. */
export const OUTCOMES: Record<CaseKind, CaseOutcome[]> = {
  "chargeback": [
    "represented_won",
    "represented_lost",
    "refunded"
  ],
  "dispute": [
    "resolved_in_favour_of_exchange",
    "resolved_in_favour_of_customer",
    "refunded"
  ],
  "fraud_claim": [
    "confirmed_fraud",
    "false_positive"
  ]
};

/** The network stage a chargeback's outcome means. */
export const OUTCOME_STAGE: Record<CaseOutcome, ChargebackStage | null> = {
  "confirmed_fraud": null,
  "false_positive": null,
  "refunded": "lost",
  "represented_lost": "lost",
  "represented_won": "won",
  "resolved_in_favour_of_customer": null,
  "resolved_in_favour_of_exchange": null
};

/** The statuses an open case moves between. */
export const WORKING_STATUSES: CaseStatus[] = [
  "investigating",
  "awaiting_customer",
  "awaiting_network"
];

/** The internal teams a side conversation can go to. */
export const INTERNAL_TEAMS: string[] = [
  "product",
  "marketing",
  "compliance",
  "risk",
  "payments"
];

/** The reason-code catalog with its evidence checklists. */
export const REASON_CODES: ReasonCodeInfo[] = [
  {
    "category": "fraud",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "login_history",
        "kinds": [
          "activity_event"
        ],
        "label": "Login, device and IP history of the account around the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.login_history"
        }
      },
      {
        "evidence_ids": [],
        "key": "three_ds",
        "kinds": [
          "file",
          "note"
        ],
        "label": "3-D Secure authentication result for the payment",
        "label_text": {
          "args": {},
          "key": "checklist.three_ds"
        }
      },
      {
        "evidence_ids": [],
        "key": "prior_transactions",
        "kinds": [
          "activity_event",
          "file"
        ],
        "label": "Earlier undisputed payments with the same card",
        "label_text": {
          "args": {},
          "key": "checklist.prior_transactions"
        }
      },
      {
        "evidence_ids": [],
        "key": "kyc_match",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Verified identity (KYC) matching the cardholder",
        "label_text": {
          "args": {},
          "key": "checklist.kyc_match"
        }
      },
      {
        "evidence_ids": [],
        "key": "crypto_used",
        "kinds": [
          "activity_event"
        ],
        "label": "Proof the crypto was withdrawn, traded or otherwise used",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_used"
        }
      }
    ],
    "code": "10.4",
    "flow": "allocation",
    "network": "visa",
    "title": "Other fraud: card-absent environment",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.10.4"
    }
  },
  {
    "category": "fraud",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "login_history",
        "kinds": [
          "activity_event"
        ],
        "label": "Login, device and IP history of the account around the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.login_history"
        }
      },
      {
        "evidence_ids": [],
        "key": "three_ds",
        "kinds": [
          "file",
          "note"
        ],
        "label": "3-D Secure authentication result for the payment",
        "label_text": {
          "args": {},
          "key": "checklist.three_ds"
        }
      },
      {
        "evidence_ids": [],
        "key": "prior_transactions",
        "kinds": [
          "activity_event",
          "file"
        ],
        "label": "Earlier undisputed payments with the same card",
        "label_text": {
          "args": {},
          "key": "checklist.prior_transactions"
        }
      },
      {
        "evidence_ids": [],
        "key": "kyc_match",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Verified identity (KYC) matching the cardholder",
        "label_text": {
          "args": {},
          "key": "checklist.kyc_match"
        }
      },
      {
        "evidence_ids": [],
        "key": "crypto_used",
        "kinds": [
          "activity_event"
        ],
        "label": "Proof the crypto was withdrawn, traded or otherwise used",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_used"
        }
      }
    ],
    "code": "10.5",
    "flow": "allocation",
    "network": "visa",
    "title": "Visa Fraud Monitoring Program",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.10.5"
    }
  },
  {
    "category": "authorization",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "authorization_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "The approved authorization (code, date, amount)",
        "label_text": {
          "args": {},
          "key": "checklist.authorization_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      }
    ],
    "code": "11.1",
    "flow": "allocation",
    "network": "visa",
    "title": "Card recovery bulletin",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.11.1"
    }
  },
  {
    "category": "authorization",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "authorization_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "The approved authorization (code, date, amount)",
        "label_text": {
          "args": {},
          "key": "checklist.authorization_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      }
    ],
    "code": "11.2",
    "flow": "allocation",
    "network": "visa",
    "title": "Declined authorization",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.11.2"
    }
  },
  {
    "category": "authorization",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "authorization_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "The approved authorization (code, date, amount)",
        "label_text": {
          "args": {},
          "key": "checklist.authorization_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      }
    ],
    "code": "11.3",
    "flow": "allocation",
    "network": "visa",
    "title": "No authorization",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.11.3"
    }
  },
  {
    "category": "processing_error",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "refund_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Proof of any refund or credit already given, or why none is due",
        "label_text": {
          "args": {},
          "key": "checklist.refund_record"
        }
      }
    ],
    "code": "12.5",
    "flow": "collaboration",
    "network": "visa",
    "title": "Incorrect amount",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.12.5"
    }
  },
  {
    "category": "processing_error",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "refund_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Proof of any refund or credit already given, or why none is due",
        "label_text": {
          "args": {},
          "key": "checklist.refund_record"
        }
      }
    ],
    "code": "12.6.1",
    "flow": "collaboration",
    "network": "visa",
    "title": "Duplicate processing",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.12.6.1"
    }
  },
  {
    "category": "processing_error",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "refund_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Proof of any refund or credit already given, or why none is due",
        "label_text": {
          "args": {},
          "key": "checklist.refund_record"
        }
      }
    ],
    "code": "12.6.2",
    "flow": "collaboration",
    "network": "visa",
    "title": "Paid by other means",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.12.6.2"
    }
  },
  {
    "category": "consumer_dispute",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "crypto_credited",
        "kinds": [
          "activity_event",
          "file"
        ],
        "label": "Proof the crypto bought was credited to the account",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_credited"
        }
      },
      {
        "evidence_ids": [],
        "key": "crypto_used",
        "kinds": [
          "activity_event"
        ],
        "label": "Proof the crypto was withdrawn, traded or otherwise used",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_used"
        }
      },
      {
        "evidence_ids": [],
        "key": "customer_communication",
        "kinds": [
          "message"
        ],
        "label": "The customer's own messages about the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.customer_communication"
        }
      }
    ],
    "code": "13.1",
    "flow": "collaboration",
    "network": "visa",
    "title": "Merchandise or services not received",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.13.1"
    }
  },
  {
    "category": "consumer_dispute",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "crypto_credited",
        "kinds": [
          "activity_event",
          "file"
        ],
        "label": "Proof the crypto bought was credited to the account",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_credited"
        }
      },
      {
        "evidence_ids": [],
        "key": "terms_accepted",
        "kinds": [
          "file"
        ],
        "label": "The terms and refund policy the customer accepted",
        "label_text": {
          "args": {},
          "key": "checklist.terms_accepted"
        }
      },
      {
        "evidence_ids": [],
        "key": "customer_communication",
        "kinds": [
          "message"
        ],
        "label": "The customer's own messages about the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.customer_communication"
        }
      }
    ],
    "code": "13.3",
    "flow": "collaboration",
    "network": "visa",
    "title": "Not as described or defective",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.13.3"
    }
  },
  {
    "category": "consumer_dispute",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "refund_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Proof of any refund or credit already given, or why none is due",
        "label_text": {
          "args": {},
          "key": "checklist.refund_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "terms_accepted",
        "kinds": [
          "file"
        ],
        "label": "The terms and refund policy the customer accepted",
        "label_text": {
          "args": {},
          "key": "checklist.terms_accepted"
        }
      },
      {
        "evidence_ids": [],
        "key": "customer_communication",
        "kinds": [
          "message"
        ],
        "label": "The customer's own messages about the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.customer_communication"
        }
      }
    ],
    "code": "13.6",
    "flow": "collaboration",
    "network": "visa",
    "title": "Credit not processed",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.13.6"
    }
  },
  {
    "category": "consumer_dispute",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "refund_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Proof of any refund or credit already given, or why none is due",
        "label_text": {
          "args": {},
          "key": "checklist.refund_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "terms_accepted",
        "kinds": [
          "file"
        ],
        "label": "The terms and refund policy the customer accepted",
        "label_text": {
          "args": {},
          "key": "checklist.terms_accepted"
        }
      },
      {
        "evidence_ids": [],
        "key": "customer_communication",
        "kinds": [
          "message"
        ],
        "label": "The customer's own messages about the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.customer_communication"
        }
      }
    ],
    "code": "13.7",
    "flow": "collaboration",
    "network": "visa",
    "title": "Cancelled merchandise or services",
    "title_text": {
      "args": {},
      "key": "reasonCode.visa.13.7"
    }
  },
  {
    "category": "fraud",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "login_history",
        "kinds": [
          "activity_event"
        ],
        "label": "Login, device and IP history of the account around the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.login_history"
        }
      },
      {
        "evidence_ids": [],
        "key": "three_ds",
        "kinds": [
          "file",
          "note"
        ],
        "label": "3-D Secure authentication result for the payment",
        "label_text": {
          "args": {},
          "key": "checklist.three_ds"
        }
      },
      {
        "evidence_ids": [],
        "key": "prior_transactions",
        "kinds": [
          "activity_event",
          "file"
        ],
        "label": "Earlier undisputed payments with the same card",
        "label_text": {
          "args": {},
          "key": "checklist.prior_transactions"
        }
      },
      {
        "evidence_ids": [],
        "key": "kyc_match",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Verified identity (KYC) matching the cardholder",
        "label_text": {
          "args": {},
          "key": "checklist.kyc_match"
        }
      },
      {
        "evidence_ids": [],
        "key": "crypto_used",
        "kinds": [
          "activity_event"
        ],
        "label": "Proof the crypto was withdrawn, traded or otherwise used",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_used"
        }
      }
    ],
    "code": "4837",
    "flow": "mastercard",
    "network": "mastercard",
    "title": "No cardholder authorization",
    "title_text": {
      "args": {},
      "key": "reasonCode.mastercard.4837"
    }
  },
  {
    "category": "fraud",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "login_history",
        "kinds": [
          "activity_event"
        ],
        "label": "Login, device and IP history of the account around the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.login_history"
        }
      },
      {
        "evidence_ids": [],
        "key": "three_ds",
        "kinds": [
          "file",
          "note"
        ],
        "label": "3-D Secure authentication result for the payment",
        "label_text": {
          "args": {},
          "key": "checklist.three_ds"
        }
      },
      {
        "evidence_ids": [],
        "key": "prior_transactions",
        "kinds": [
          "activity_event",
          "file"
        ],
        "label": "Earlier undisputed payments with the same card",
        "label_text": {
          "args": {},
          "key": "checklist.prior_transactions"
        }
      },
      {
        "evidence_ids": [],
        "key": "kyc_match",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Verified identity (KYC) matching the cardholder",
        "label_text": {
          "args": {},
          "key": "checklist.kyc_match"
        }
      },
      {
        "evidence_ids": [],
        "key": "crypto_used",
        "kinds": [
          "activity_event"
        ],
        "label": "Proof the crypto was withdrawn, traded or otherwise used",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_used"
        }
      }
    ],
    "code": "4863",
    "flow": "mastercard",
    "network": "mastercard",
    "title": "Cardholder does not recognize: potential fraud",
    "title_text": {
      "args": {},
      "key": "reasonCode.mastercard.4863"
    }
  },
  {
    "category": "authorization",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "authorization_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "The approved authorization (code, date, amount)",
        "label_text": {
          "args": {},
          "key": "checklist.authorization_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      }
    ],
    "code": "4808",
    "flow": "mastercard",
    "network": "mastercard",
    "title": "Authorization-related chargeback",
    "title_text": {
      "args": {},
      "key": "reasonCode.mastercard.4808"
    }
  },
  {
    "category": "processing_error",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "transaction_record",
        "kinds": [
          "file",
          "activity_event"
        ],
        "label": "The transaction record: amount, currency, processed once",
        "label_text": {
          "args": {},
          "key": "checklist.transaction_record"
        }
      },
      {
        "evidence_ids": [],
        "key": "refund_record",
        "kinds": [
          "file",
          "note"
        ],
        "label": "Proof of any refund or credit already given, or why none is due",
        "label_text": {
          "args": {},
          "key": "checklist.refund_record"
        }
      }
    ],
    "code": "4834",
    "flow": "mastercard",
    "network": "mastercard",
    "title": "Point-of-interaction error (duplicate, amount)",
    "title_text": {
      "args": {},
      "key": "reasonCode.mastercard.4834"
    }
  },
  {
    "category": "consumer_dispute",
    "checklist": [
      {
        "evidence_ids": [],
        "key": "crypto_credited",
        "kinds": [
          "activity_event",
          "file"
        ],
        "label": "Proof the crypto bought was credited to the account",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_credited"
        }
      },
      {
        "evidence_ids": [],
        "key": "crypto_used",
        "kinds": [
          "activity_event"
        ],
        "label": "Proof the crypto was withdrawn, traded or otherwise used",
        "label_text": {
          "args": {},
          "key": "checklist.crypto_used"
        }
      },
      {
        "evidence_ids": [],
        "key": "customer_communication",
        "kinds": [
          "message"
        ],
        "label": "The customer's own messages about the purchase",
        "label_text": {
          "args": {},
          "key": "checklist.customer_communication"
        }
      }
    ],
    "code": "4853",
    "flow": "mastercard",
    "network": "mastercard",
    "title": "Cardholder dispute: not received, not as described",
    "title_text": {
      "args": {},
      "key": "reasonCode.mastercard.4853"
    }
  }
];

/** The stages of each flow, before won or lost. */
export const PATHS: Record<DisputeFlow, ChargebackStage[]> = {
  "allocation": [
    "inquiry",
    "first_chargeback",
    "pre_arbitration",
    "arbitration"
  ],
  "collaboration": [
    "inquiry",
    "first_chargeback",
    "representment",
    "pre_arbitration",
    "arbitration"
  ],
  "mastercard": [
    "inquiry",
    "first_chargeback",
    "representment",
    "pre_arbitration",
    "arbitration"
  ]
};

/** Where a dispute at each stage may go next, per flow. */
export const NEXT_STAGES: Record<DisputeFlow, Record<ChargebackStage, ChargebackStage[]>> = {
  "allocation": {
    "arbitration": [
      "won",
      "lost"
    ],
    "first_chargeback": [
      "pre_arbitration",
      "lost"
    ],
    "inquiry": [
      "first_chargeback"
    ],
    "lost": [],
    "pre_arbitration": [
      "arbitration",
      "won",
      "lost"
    ],
    "representment": [],
    "won": []
  },
  "collaboration": {
    "arbitration": [
      "won",
      "lost"
    ],
    "first_chargeback": [
      "representment",
      "lost"
    ],
    "inquiry": [
      "first_chargeback"
    ],
    "lost": [],
    "pre_arbitration": [
      "arbitration",
      "won",
      "lost"
    ],
    "representment": [
      "pre_arbitration",
      "won",
      "lost"
    ],
    "won": []
  },
  "mastercard": {
    "arbitration": [
      "won",
      "lost"
    ],
    "first_chargeback": [
      "representment",
      "lost"
    ],
    "inquiry": [
      "first_chargeback"
    ],
    "lost": [],
    "pre_arbitration": [
      "arbitration",
      "won",
      "lost"
    ],
    "representment": [
      "pre_arbitration",
      "won",
      "lost"
    ],
    "won": []
  }
};

/** Days the network allows at each stage (null: decided). */
export const DAYS_TO_ACT: Record<CardNetwork, Record<ChargebackStage, number | null>> = {
  "mastercard": {
    "arbitration": 45,
    "first_chargeback": 45,
    "inquiry": 45,
    "lost": null,
    "pre_arbitration": 45,
    "representment": 45,
    "won": null
  },
  "visa": {
    "arbitration": 10,
    "first_chargeback": 30,
    "inquiry": 30,
    "lost": null,
    "pre_arbitration": 30,
    "representment": 30,
    "won": null
  }
};

/** A chargeback due within this many hours is at risk. */
export const AT_RISK_HOURS: number = 48;

/** Conversation entries a ticket opens with; older ones come a page at a time. */
export const CONVERSATION_WINDOW: number = 50;

/** The response margin before the network's deadline when policies have not synced. */
export const DEFAULT_MARGIN_DAYS: number = 5;
