//! One debounce hook for answers that follow typing or sliding: the work app's live preview of an
//! opening and its re-ranking by weights ask the server only after the last change settles, and
//! only the answer to the latest question counts.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Handed to each run: whether its question is still the latest when its answer arrives.
#[derive(Clone)]
pub struct Latest {
    counter: Rc<RefCell<u32>>,
    mine: u32,
}

impl Latest {
    /// No newer question was asked since this one.
    pub fn still(&self) -> bool {
        *self.counter.borrow() == self.mine
    }
}

/// Runs `run` for `deps` each time they change, `delay(&deps, first)` milliseconds after the last
/// change (0: at once, cancelling one that waits); `first` is true for the first value.
#[hook]
pub fn use_debounce<D, F>(deps: D, delay: fn(&D, bool) -> u32, run: F)
where
    D: PartialEq + Clone + 'static,
    F: Fn(D, Latest) + 'static,
{
    let timer = use_mut_ref(|| None::<Timeout>);
    let counter = use_mut_ref(|| 0u32);
    use_effect_with(deps, move |deps| {
        let mine = {
            let mut n = counter.borrow_mut();
            *n += 1;
            *n
        };
        let latest = Latest { counter, mine };
        let wait = delay(deps, latest.mine == 1);
        let deps = deps.clone();
        if wait == 0 {
            timer.borrow_mut().take();
            run(deps, latest);
        } else {
            *timer.borrow_mut() = Some(Timeout::new(wait, move || run(deps, latest)));
        }
    });
}
