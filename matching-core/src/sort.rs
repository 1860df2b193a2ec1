//! One sort for the crate and the app: the standard library's unstable sort natively, and a small
//! heapsort in WebAssembly, where every monomorphised pattern-defeating quicksort costs the app
//! about 3 kB. Callers give a *total* order (two elements compare equal only when they are the
//! same), so there is exactly one sorted result and both targets give the same bits.

use std::cmp::Ordering;

/// Sorts `v` by `Ord`, which must be total over the values present.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` by `cmp`, which must be a total order over the values present.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        heapsort(v, &mut cmp);
    } else {
        v.sort_unstable_by(cmp);
    }
}

/// In-place heapsort: O(n log n) always, a few hundred bytes of code per element type.
pub(crate) fn heapsort<T>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    for root in (0..v.len() / 2).rev() {
        sift_down(v, root, cmp);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0, cmp);
    }
}

fn sift_down<T>(v: &mut [T], mut root: usize, cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    loop {
        let mut child = 2 * root + 1;
        if child >= v.len() {
            return;
        }
        if child + 1 < v.len() && cmp(&v[child], &v[child + 1]) == Ordering::Less {
            child += 1;
        }
        if cmp(&v[root], &v[child]) != Ordering::Less {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heapsort_gives_the_standard_order() {
        // A fixed pseudo-random sequence (no randomness in the core, not even in tests).
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in [0usize, 1, 2, 3, 7, 64, 1000] {
            let mut v: Vec<u64> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x % 97
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            heapsort(&mut v, &mut u64::cmp);
            assert_eq!(v, expected, "length {len}");
        }
        let mut words = vec!["vca", "heftruck", "bakker", "kassa", "zorg", "bakker"];
        heapsort(&mut words, &mut |a: &&str, b: &&str| b.cmp(a));
        assert_eq!(words, ["zorg", "vca", "kassa", "heftruck", "bakker", "bakker"]);
    }
}
