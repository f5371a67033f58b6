//! The route table's server side: every handler and layer, in the order a request
//! meets them. What is the same for every reader is served from memory (`page_cache`).

use super::render::{page_shell, provide_app_context};
use super::{
    AppState, acknowledge, api, api_v1, feedback, headers, page_cache, refer, security_txt,
    sitemap, staff, status,
};
use crate::app::App;
use crate::i18n::{Lang, Page, Stage};
use axum::{Router, routing::get};
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;

/// Builds the whole application: pages in both languages, health check, static files,
/// and the layers every response passes through; what is the same for every reader is
/// served from memory (`page_cache`).
pub fn router(state: AppState) -> Router {
    page_cache::serve_from_memory(uncached_router(state.clone()), &state)
}

/// The application rendering every request afresh: what the page cache keeps copies of.
pub fn uncached_router(state: AppState) -> Router {
    let context = {
        let state = state.clone();
        move || provide_app_context(&state)
    };

    // The confirmation and acknowledgement pages are rendered by their own handlers,
    // which look the request up first.
    let sent_routes = Lang::ALL.map(Page::sent_route);
    let routes: Vec<_> = generate_route_list(App)
        .into_iter()
        .filter(|r| !sent_routes.iter().any(|sent| sent == r.path()))
        .filter(|r| !acknowledge::handles(r.path()))
        .collect();
    let mut router = Router::new()
        .route("/healthz", get(health))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/api/lookup", get(api::lookup))
        .route(
            &Page::Refer.path(Lang::En),
            axum::routing::post(refer::post_en),
        )
        .route(
            &Page::Refer.path(Lang::Cy),
            axum::routing::post(refer::post_cy),
        )
        .route("/exit/{id}", get(refer::exit).post(refer::exit))
        .merge(stage_routes())
        .merge(acknowledge::routes())
        .merge(status::routes())
        .merge(staff::routes())
        .merge(api_v1::routes())
        .merge(feedback::routes())
        .merge(security_txt::routes(&state.config.security))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || page_shell(options.clone())
        })
        .fallback(files_or_not_found(context))
        .layer(axum::middleware::from_fn(without_trailing_slash))
        .layer(axum::middleware::from_fn(headers::cache_control));
    for layer in headers::security_layers(state.config.hsts) {
        router = router.layer(layer);
    }
    router
        .layer(CompressionLayer::new().gzip(true).br(true))
        .with_state(state)
}

/// The pages after a post, each at `/<page>/<stage>/{id}` in each language.
fn stage_routes() -> Router<AppState> {
    let mut router = Router::new();
    for stage in Stage::ALL {
        for lang in Lang::ALL {
            router = router.route(
                &stage.route(lang),
                get(
                    move |state: axum::extract::State<AppState>, uri: http::Uri| async move {
                        refer::stage_page(state.0, lang, stage, &uri).await
                    },
                ),
            );
        }
    }
    router
}

/// Unknown paths: a static file under the site root, else the translated 404 page. Only
/// GET and HEAD read files; any other method is told so (405), never served a file.
fn files_or_not_found(
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> impl Fn(
    http::Uri,
    axum::extract::State<AppState>,
    axum::extract::Request,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = axum::response::Response> + Send>>
+ Clone
+ Send
+ Sync
+ 'static {
    let files =
        leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, page_shell);
    move |uri, state, req| {
        if matches!(*req.method(), http::Method::GET | http::Method::HEAD) {
            files(uri, state, req)
        } else {
            Box::pin(async {
                use axum::response::IntoResponse;
                (
                    http::StatusCode::METHOD_NOT_ALLOWED,
                    [(http::header::ALLOW, "GET, HEAD")],
                )
                    .into_response()
            })
        }
    }
}

/// A page's old address is sent to its new one ([`crate::i18n::Page::moved`]).
/// `/refer/` is `/refer`: one address per page, so a path with a trailing slash is sent
/// to the page (its query kept, 308 so a POST stays a POST). A path that would then
/// start with `//` (another host, to a browser) is left alone and ends as a 404.
async fn without_trailing_slash(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = req.uri().path();
    if let Some(to) = crate::i18n::Page::moved(path) {
        let to = match req.uri().query() {
            Some(query) => format!("{to}?{query}"),
            None => to,
        };
        return axum::response::Redirect::permanent(&to).into_response();
    }
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        if !trimmed.starts_with("//") {
            let to = match req.uri().query() {
                Some(query) => format!("{trimmed}?{query}"),
                None => trimmed.to_string(),
            };
            return axum::response::Redirect::permanent(&to).into_response();
        }
    }
    next.run(req).await
}

/// Liveness: the process is up and answering.
async fn health() -> &'static str {
    "ok\n"
}
