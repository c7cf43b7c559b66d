package io.atrium.runtime.api.internal;

import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.FileDownload;
import io.atrium.platform.item.ItemFiles;
import io.atrium.platform.item.StoredFile;
import io.atrium.runtime.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.atrium.runtime.api.internal.doc.StoredFileDoc;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files of file fields: upload one for a field, then put its id in the item's field; download it
 * through the item that holds it.
 */
@RestController
@Tag(name = "Files", description = "Upload files for file fields and download them from items")
class FilesController {

    private final ItemFiles files;
    private final Actors actors;

    FilesController(ItemFiles files, Actors actors) {
        this.files = files;
        this.actors = actors;
    }

    @PostMapping(path = "/api/v1/apps/{namespace}/{app}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadFile",
            summary = "Upload a file for a file field (multipart part 'file'); put the returned id in the field",
            responses = @ApiResponse(responseCode = "201", description = "The file as stored",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = StoredFileDoc.class))))
    @Problems({404})
    ResponseEntity<Map<String, Object>> upload(@PathVariable String namespace, @PathVariable String app,
            @RequestParam String field, @RequestPart("file") MultipartFile file, Authentication auth)
            throws IOException {
        StoredFile stored;
        try (InputStream content = file.getInputStream()) {
            stored = files.upload(actors.of(auth), new AppRef(namespace, app), field, file.getOriginalFilename(),
                    file.getContentType(), content);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(write(stored));
    }

    @GetMapping("/api/v1/apps/{namespace}/{app}/items/{id}/files/{fileId}")
    @Operation(operationId = "downloadFile",
            summary = "Download a file the item holds; always as an attachment",
            responses = @ApiResponse(responseCode = "200", description = "The file's bytes; ETag is their SHA-256",
                    content = @Content(mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary"))))
    @Problems({404})
    ResponseEntity<InputStreamResource> download(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String id, @PathVariable String fileId, Authentication auth) {
        FileDownload download = files.open(actors.of(auth), new AppRef(namespace, app), id, fileId);
        StoredFile file = download.file();
        return ResponseEntity.ok()
                .contentType(safeType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .eTag("\"" + file.sha256() + "\"")
                .body(new InputStreamResource(download.content())); // closed once written
    }

    private static MediaType safeType(String declared) {
        try {
            return MediaType.parseMediaType(declared);
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    static Map<String, Object> write(StoredFile file) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", file.id());
        out.put("name", file.name());
        out.put("contentType", file.contentType());
        out.put("size", file.size());
        out.put("sha256", file.sha256());
        out.put("uploadedAt", file.uploadedAt().toString());
        out.put("uploadedBy", file.uploadedBy());
        return out;
    }
}
