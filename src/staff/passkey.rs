//! Passkeys (WebAuthn) for staff, through `webauthn-rs`. The relying party is the site
//! itself (`RJ_PUBLIC_URL`: its host is the RP id, its origin the only one accepted).
//! Every ceremony has two requests; what the first decides (the challenge) is returned
//! here as JSON for the database, so any instance can finish it.
//!
//! Passkeys are made discoverable (a resident key), so signing in asks for no address:
//! the browser offers the member's passkey, and its user handle says who they are.

use webauthn_rs::prelude::{
    CreationChallengeResponse, DiscoverableAuthentication, Passkey, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, RequestChallengeResponse, Url, Uuid,
    Webauthn, WebauthnBuilder,
};

/// Why a ceremony failed. Deliberately vague outward: every failure is told "that did
/// not work", whatever the reason.
#[derive(Debug, thiserror::Error)]
#[error("passkey: {0}")]
pub struct PasskeyError(pub String);

fn fail(e: impl std::fmt::Display) -> PasskeyError {
    PasskeyError(e.to_string())
}

/// The relying party.
#[derive(Clone)]
pub struct Passkeys {
    webauthn: std::sync::Arc<Webauthn>,
}

/// A ceremony's first half: options for the browser, state for the database.
pub struct Started {
    pub options: serde_json::Value,
    pub state: String,
}

impl Passkeys {
    /// For the site at `public_url` (its host must be a domain name: passkeys do not
    /// work on an IP address).
    pub fn new(public_url: &str, rp_name: &str) -> Result<Self, PasskeyError> {
        let origin = Url::parse(public_url).map_err(fail)?;
        let rp_id = origin
            .domain()
            .ok_or_else(|| PasskeyError(format!("{public_url} has no domain name")))?
            .to_string();
        let webauthn = WebauthnBuilder::new(&rp_id, &origin)
            .map_err(fail)?
            .rp_name(rp_name)
            .build()
            .map_err(fail)?;
        Ok(Self {
            webauthn: std::sync::Arc::new(webauthn),
        })
    }

    /// Starts making a passkey for the member with `user_handle`, named by `email` in
    /// the browser's list.
    pub fn start_register(&self, user_handle: Uuid, email: &str) -> Result<Started, PasskeyError> {
        let (options, state): (CreationChallengeResponse, PasskeyRegistration) = self
            .webauthn
            .start_passkey_registration(user_handle, email, email, None)
            .map_err(fail)?;
        let mut options = serde_json::to_value(&options).map_err(fail)?;
        // Discoverable, so sign-in needs no typed address (webauthn-rs asks for none).
        let sel = &mut options["publicKey"]["authenticatorSelection"];
        sel["residentKey"] = "required".into();
        sel["requireResidentKey"] = true.into();
        Ok(Started {
            options,
            state: serde_json::to_string(&state).map_err(fail)?,
        })
    }

    /// Checks the browser's new credential against the stored state.
    pub fn finish_register(&self, credential: &str, state: &str) -> Result<Passkey, PasskeyError> {
        let credential: RegisterPublicKeyCredential =
            serde_json::from_str(credential).map_err(fail)?;
        let state: PasskeyRegistration = serde_json::from_str(state).map_err(fail)?;
        self.webauthn
            .finish_passkey_registration(&credential, &state)
            .map_err(fail)
    }

    /// Starts a sign-in with any of the site's passkeys (a button press, not autofill).
    pub fn start_sign_in(&self) -> Result<Started, PasskeyError> {
        let (mut options, state): (RequestChallengeResponse, DiscoverableAuthentication) = self
            .webauthn
            .start_discoverable_authentication()
            .map_err(fail)?;
        options.mediation = None;
        Ok(Started {
            options: serde_json::to_value(&options).map_err(fail)?,
            state: serde_json::to_string(&state).map_err(fail)?,
        })
    }

    /// Who the browser's answer says signed in: the user handle and the credential id
    /// (base64url), before anything is checked.
    pub fn identify(&self, credential: &str) -> Result<(Uuid, String), PasskeyError> {
        let credential: PublicKeyCredential = serde_json::from_str(credential).map_err(fail)?;
        let (user, id) = self
            .webauthn
            .identify_discoverable_authentication(&credential)
            .map_err(fail)?;
        Ok((user, credential_id(id)))
    }

    /// Checks the answer against the state and the member's stored passkey; returns the
    /// passkey with its counter brought up to date.
    pub fn finish_sign_in(
        &self,
        credential: &str,
        state: &str,
        passkey: &Passkey,
    ) -> Result<Passkey, PasskeyError> {
        let credential: PublicKeyCredential = serde_json::from_str(credential).map_err(fail)?;
        let state: DiscoverableAuthentication = serde_json::from_str(state).map_err(fail)?;
        let result = self
            .webauthn
            .finish_discoverable_authentication_v2(&credential, state, passkey)
            .map_err(fail)?;
        let mut passkey = passkey.clone();
        passkey.update_credential(&result);
        Ok(passkey)
    }
}

/// A credential id as the database keys it.
pub fn credential_id(id: &[u8]) -> String {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    URL_SAFE_NO_PAD.encode(id)
}

/// A stored passkey's credential id.
pub fn passkey_id(passkey: &Passkey) -> String {
    credential_id(passkey.cred_id().as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_asks_for_a_discoverable_passkey_with_user_verification() {
        let p = Passkeys::new("http://localhost:3000", "Staff").unwrap();
        let started = p
            .start_register(Uuid::new_v4(), "staff@example.org")
            .unwrap();
        let sel = &started.options["publicKey"]["authenticatorSelection"];
        assert_eq!(sel["residentKey"], "required");
        assert_eq!(sel["userVerification"], "required");
        assert_eq!(started.options["publicKey"]["rp"]["id"], "localhost");
        let sign_in = p.start_sign_in().unwrap();
        assert!(sign_in.options.get("mediation").is_none());
        assert!(Passkeys::new("http://127.0.0.1:3000", "Staff").is_err());
    }
}
