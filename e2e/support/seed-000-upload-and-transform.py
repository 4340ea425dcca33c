# Seed 000's Python "upload_and_transform" example, verbatim but for API_KEY/BASE_URL from the
# environment, the image path from argv and a poll timeout.
import os
import sys
import time

import requests

API_KEY = os.environ["API_KEY"]
BASE_URL = os.environ["BASE_URL"]


def upload_and_transform(image_path, prompt, project="default"):
    """이미지를 업로드하고 변환합니다."""
    # 1. Get presigned URL with metadata
    filename = image_path.split("/")[-1]
    url_response = requests.post(
        f"{BASE_URL}/files/upload-url",
        headers={"X-API-Key": API_KEY, "Content-Type": "application/json"},
        json={
            "filename": filename,
            "folder": f"projects/{project}/inputs",
            "metadata": {"project": project, "source": "upload", "original_filename": filename},
        },
    )
    url_data = url_response.json()
    # 2. Upload to S3
    with open(image_path, "rb") as f:
        requests.post(url_data["upload_url"], data=url_data["upload_fields"], files={"file": (filename, f)})
    # 3. Create prediction with uploaded image
    pred_response = requests.post(
        f"{BASE_URL}/predictions",
        headers={"X-API-Key": API_KEY, "Content-Type": "application/json"},
        json={"model": "flux-kontext-pro", "input": {"prompt": prompt, "image_url": url_data["file_url"]}},
    )
    job_id = pred_response.json()["job_id"]
    # 4. Poll for result
    deadline = time.time() + 60
    while time.time() < deadline:
        result = requests.get(f"{BASE_URL}/predictions/{job_id}", headers={"X-API-Key": API_KEY}).json()
        if result["status"] == "completed":
            return result["result"]
        elif result["status"] == "failed":
            raise Exception(result.get("error"))
        time.sleep(2)
    raise Exception("timed out")


result = upload_and_transform(sys.argv[1], "make it look like a watercolor painting", project="art-styles")
print(f"Result: {result}")
