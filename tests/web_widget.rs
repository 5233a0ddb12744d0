//! Browser tests (wasm-bindgen-test in headless Chromium) for the mounted widget and the
//! localStorage adapter. Each test mounts into its own element under its own storage key.
#![cfg(target_arch = "wasm32")]

use jiff::civil::date;
use kra_kpi::domain::template::sales_executive;
use kra_kpi::storage::codec::read_header;
use kra_kpi::storage::local::SaveOutcome;
use kra_kpi::storage::{DecodeError, LoadOutcome, LocalStore, SCHEMA_VERSION};
use kra_kpi::{mount, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh host element in the page, as an HR portal would provide.
fn host(id: &str) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_id(id);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn widget(id: &str, key: &str) -> HtmlElement {
    storage().remove_item(key).unwrap();
    let el = host(id);
    mount(el.clone(), WidgetOptions { storage_key: key.into(), today: Some(date(2026, 11, 23)) });
    el
}

/// Waits `ms` milliseconds (saves are gathered for 250 ms before one write).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets Leptos run its scheduled effects.
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| {
            b.text_content().unwrap_or_default().trim() == text
                || b.get_attribute("aria-label").as_deref() == Some(text)
        })
        .unwrap_or_else(|| panic!("no button {text:?}"))
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_new_widget_mounts_into_its_host_element_and_shows_the_first_step() {
    let el = widget("w-first", "test:first");
    settle().await;
    assert!(text(&el).contains("Start your scorecard"), "{}", text(&el));
    assert!(el.query_selector(".kk-app").unwrap().is_some(), "the widget renders inside its host");
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_do_not_share_state() {
    let a = widget("w-a", "test:a");
    let b = widget("w-b", "test:b");
    settle().await;
    button(&a, "Load the Sales executive template").click();
    settle().await;
    sleep(400).await;
    assert!(text(&a).contains("Achieve monthly revenue targets"));
    assert!(!text(&b).contains("Achieve monthly revenue targets"));
    assert!(text(&b).contains("Start your scorecard"));
    assert!(storage().get_item("test:a").unwrap().unwrap().contains("Sales executive"));
    assert_eq!(storage().get_item("test:b").unwrap(), None, "an untouched widget writes nothing");
}

#[wasm_bindgen_test]
async fn a_reading_updates_the_kpi_row_and_is_saved() {
    let el = widget("w-reading", "test:reading");
    settle().await;
    button(&el, "Load the Sales executive template").click();
    settle().await;
    button(&el, "Add reading for Leads converted").click();
    settle().await;
    let value: HtmlInputElement =
        el.query_selector(".kk-reading-form input[inputmode=decimal]").unwrap().unwrap().unchecked_into();
    value.set_value("42");
    value.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    button(&el, "Save reading").click();
    settle().await;
    let row = el.query_selector("[data-testid=kpi-row].kk-selected").unwrap().unwrap();
    let row_text = row.text_content().unwrap();
    assert!(row_text.contains("42 leads") && row_text.contains("84 %") && row_text.contains("Amber"), "{row_text}");
    sleep(400).await;
    let saved = storage().get_item("test:reading").unwrap().unwrap();
    let fw = kra_kpi::storage::decode(&saved).unwrap();
    let leads = fw.kpis()[1].id;
    assert_eq!(fw.reading(leads, date(2026, 11, 1)).map(|r| r.value), Some(42.0), "{saved}");
}

#[wasm_bindgen_test]
fn local_store_round_trips_through_real_local_storage() {
    let store = LocalStore::new("test:store");
    storage().remove_item("test:store").unwrap();
    assert_eq!(store.load(), LoadOutcome::Empty);
    let fw = sales_executive();
    assert_eq!(store.save(&fw, None), Ok(SaveOutcome::Saved(1)));
    match store.load() {
        LoadOutcome::Loaded { decoded, migration_backup: None } => {
            assert_eq!(decoded.framework, fw);
            assert_eq!(decoded.revision, 1);
        }
        other => panic!("expected loaded, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_store_never_writes_over_a_revision_it_has_not_seen() {
    let key = "test:revisions";
    storage().remove_item(key).unwrap();
    let (tab_a, tab_b) = (LocalStore::new(key), LocalStore::new(key));
    let fw = sales_executive();
    assert_eq!(tab_a.save(&fw, None), Ok(SaveOutcome::Saved(1)));
    // Tab B opened before A's save: it has seen nothing, so it must not write.
    let mut other = fw.clone();
    other.rename("Tab B's name").unwrap();
    match tab_b.save(&other, None) {
        Ok(SaveOutcome::Newer { revision: 1, text }) => assert!(text.contains("Sales executive")),
        other => panic!("expected the newer save to be reported, got {other:?}"),
    }
    assert_eq!(tab_b.save(&other, Some(1)), Ok(SaveOutcome::Saved(2)));
    let header = read_header(&storage().get_item(key).unwrap().unwrap()).unwrap();
    assert_eq!((header.schema, header.revision), (SCHEMA_VERSION, 2));
}

#[wasm_bindgen_test]
fn damaged_data_is_backed_up_without_overwriting_an_earlier_backup() {
    let key = "test:damaged";
    let s = storage();
    s.set_item(key, "not json").unwrap();
    s.set_item(&format!("{key}:backup-1"), "an older backup").unwrap();
    s.remove_item(&format!("{key}:backup-2")).unwrap();
    let store = LocalStore::new(key);
    match store.load() {
        LoadOutcome::Refused { backup, error: DecodeError::NotJson(_), chars: 8 } => {
            assert_eq!(backup, Some(Ok("test:damaged:backup-2".to_owned())));
        }
        other => panic!("expected damaged, got {other:?}"),
    }
    let listed: Vec<String> = store.backups().into_iter().map(|b| b.key).collect();
    assert_eq!(listed, ["test:damaged:backup-1", "test:damaged:backup-2"]);
    assert_eq!(s.get_item("test:damaged:backup-1").unwrap().as_deref(), Some("an older backup"));
    assert_eq!(s.get_item("test:damaged:backup-2").unwrap().as_deref(), Some("not json"));
    assert_eq!(s.get_item(key).unwrap().as_deref(), Some("not json"), "loading never rewrites the original");
}

#[wasm_bindgen_test]
fn older_saves_load_and_report_the_migration() {
    let key = "test:v1";
    let v1 = r#"{"app":"kra-kpi","schema":1,"framework":{"name":"Old","kras":[{"id":1,"name":"K","weight":100}],
        "kpis":[{"id":2,"kra":1,"name":"P","unit":"","direction":"lower","target":4,"frequency":"monthly","weight":1}],
        "readings":[{"id":3,"kpi":2,"period":"2026-10-01","value":5,"note":""}],"next_id":4}}"#;
    storage().set_item(key, v1).unwrap();
    match LocalStore::new(key).load() {
        LoadOutcome::Loaded { decoded, migration_backup: Some(Ok(backup)) } => {
            assert_eq!(decoded.schema, 1);
            assert_eq!(decoded.framework.reading_count(), 1);
            assert_eq!(storage().get_item(&backup).unwrap().as_deref(), Some(v1), "the original is kept");
        }
        other => panic!("expected loaded, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_newer_versions_save_opens_read_only_and_is_never_written() {
    let key = "test:newer";
    let newer = r#"{"app":"kra-kpi","schema":99,"framework":{"anything":"new"}}"#;
    storage().set_item(key, newer).unwrap();
    let el = host("w-newer");
    mount(el.clone(), WidgetOptions { storage_key: key.into(), today: Some(date(2026, 11, 23)) });
    settle().await;
    assert!(text(&el).contains("newer version"), "{}", text(&el));
    assert!(!text(&el).contains("Load the Sales executive template"), "no editing is offered");
    assert!(el.query_selector(".kk-add").unwrap().is_none(), "no Add KRA form");
    sleep(400).await;
    assert_eq!(storage().get_item(key).unwrap().as_deref(), Some(newer), "byte-identical");
}

#[wasm_bindgen_test]
fn the_trend_chart_renders_as_svg_in_the_browser() {
    let mut fw = sales_executive();
    let leads = fw.kpis()[1].id;
    fw.add_reading(leads, date(2026, 9, 1), 40.0, "").unwrap();
    fw.add_reading(leads, date(2026, 10, 1), 47.0, "").unwrap();
    let series = kra_kpi::charts::trend_series(&fw, leads, 36).unwrap();
    let svg = kra_kpi::charts::trend_svg(&series, 520, 280).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    assert_eq!(svg.matches("<circle").count(), 2);
    assert!(svg.contains("Sep 2026") && svg.contains("Oct 2026"));
}

/// Counts DOM mutations under `target` (text, children, attributes) from now on.
fn watch_mutations(target: &web_sys::Node) -> (web_sys::MutationObserver, std::rc::Rc<std::cell::Cell<u32>>) {
    use wasm_bindgen::closure::Closure;
    let count = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = count.clone();
    let callback =
        Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| seen.set(seen.get() + records.length()));
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    callback.forget();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_character_data(true);
    options.set_attributes(true);
    observer.observe_with_options(target, &options).unwrap();
    (observer, count)
}

#[wasm_bindgen_test]
async fn an_edit_re_renders_only_the_rows_it_changed() {
    let el = widget("w-fine", "test:fine");
    settle().await;
    button(&el, "Load the Sales executive template").click();
    settle().await;
    button(&el, "Add reading for Leads converted").click();
    settle().await;
    let rows = el.query_selector_all("[data-testid=kpi-row]").unwrap();
    // Row 1 is "Leads converted"; row 0 is its sibling without a reading, rows 3-5 belong to the
    // second KRA. Observer callbacks are delivered as microtasks, which `settle` waits past.
    let (_edited_observer, edited) = watch_mutations(&rows.item(1).unwrap());
    let others: Vec<_> = [0, 2, 3, 4, 5].iter().map(|&i| watch_mutations(&rows.item(i).unwrap())).collect();
    let input: HtmlInputElement =
        el.query_selector(".kk-reading-form input[inputmode=decimal]").unwrap().unwrap().unchecked_into();
    input.set_value("42");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    button(&el, "Save reading").click();
    settle().await;
    assert!(edited.get() > 0, "the edited row changed in the DOM");
    for (i, (_, count)) in others.iter().enumerate() {
        assert_eq!(count.get(), 0, "row {i} was not touched by an edit to another KPI");
    }
}
