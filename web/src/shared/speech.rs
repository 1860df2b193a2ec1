//! Read-aloud with the Web Speech API. The button only shows where the browser has a voice for
//! the language; elsewhere it is hidden rather than broken.

use matching_core::Lang;
use yew::prelude::*;

fn bcp47(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    }
}

/// A voice for `lang`, if the browser has one.
fn voice(lang: Lang) -> Option<web_sys::SpeechSynthesisVoice> {
    let synth = web_sys::window()?.speech_synthesis().ok()?;
    let prefix = &bcp47(lang)[..2];
    synth
        .get_voices()
        .iter()
        .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::SpeechSynthesisVoice>(v).ok())
        .find(|v| v.lang().starts_with(prefix))
}

/// Says `text` aloud in `lang`; does nothing where there is no voice.
pub fn say(text: &str, lang: Lang) {
    let Some(window) = web_sys::window() else { return };
    let Ok(synth) = window.speech_synthesis() else { return };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else { return };
    utterance.set_lang(bcp47(lang));
    if let Some(v) = voice(lang) {
        utterance.set_voice(Some(&v));
    }
    synth.cancel();
    synth.speak(&utterance);
}

/// The read-aloud button for `text`, labelled with the page's own text for "read aloud"; nothing
/// where the browser has no voice for `lang`.
pub fn speak_labelled(text: &str, lang: Lang, label: &'static str) -> Html {
    if voice(lang).is_none() {
        return html! {};
    }
    let text = text.to_string();
    let onclick = Callback::from(move |_| say(&text, lang));
    html! {
        <button type="button" class="speak" {onclick} aria-label={label}>
            <span aria-hidden="true">{"🔊"}</span>{" "}{label}
        </button>
    }
}
